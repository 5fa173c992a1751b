// SPDX-License-Identifier: EUPL-1.2
const { is } = require('bpmnlint-utils');

/**
 * Every executable process sets camunda:historyTimeToLive. The engine refuses deployments without
 * one unless an engine-wide default is configured; the model should say its own retention.
 */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:Process') || !node.get('isExecutable')) {
      return;
    }

    const ttl = node.get('camunda:historyTimeToLive');

    if (ttl === undefined || ttl === null || String(ttl).trim() === '') {
      reporter.report(node.id, 'Process has no camunda:historyTimeToLive', [ 'historyTimeToLive' ]);
    }
  }

  return { check };
};
