// SPDX-License-Identifier: EUPL-1.2
const { is } = require('bpmnlint-utils');

// Camunda Modeler's generated ids: Activity_0abc123, Flow_1x2y3z4, Gateway_0k9j8h7 ...
const GENERATED = /^[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$/;

// The blank diagram's numbered ids (StartEvent_1, Process_1) and other tools' uuids (sid-...).
const NUMBERED = /^[A-Za-z]+_\d+$/;
const UUID = /^(sid-|id-)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-/;

/**
 * Ids are readable and stable (StartEvent_CaseReported, Task_SearchPlace): Java code, tests and Cockpit
 * refer to them, so they must say what the element is. Diagram (DI) elements are not checked.
 */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:BaseElement') || !node.id) {
      return;
    }

    const id = node.id;

    if (GENERATED.test(id) || NUMBERED.test(id) || UUID.test(id) || id.startsWith('sid-')) {
      reporter.report(id, 'Generated id: give the element a readable id such as Task_SearchPlace', [ 'id' ]);
    }
  }

  return { check };
};
