// SPDX-License-Identifier: EUPL-1.2
/** First run: the German start page, the user guide and the API reference served by the application, Tasklist filters per role and the guided demo night. */
package de.ksi.guide;
