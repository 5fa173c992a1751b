/** Operational metrics for Prometheus: cases by level, holds, declines, stale offers, undelivered notifications. */
package de.ksi.monitoring;
