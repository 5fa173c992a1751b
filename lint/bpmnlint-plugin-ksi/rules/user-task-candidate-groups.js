// SPDX-License-Identifier: EUPL-1.2
const { is } = require('bpmnlint-utils');

/** Every user task names the groups that may work on it (camunda:candidateGroups). */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }

    const groups = (node.get('camunda:candidateGroups') || '').trim();

    if (!groups) {
      reporter.report(node.id, 'User task has no camunda:candidateGroups', [ 'candidateGroups' ]);
    }
  }

  return { check };
};
