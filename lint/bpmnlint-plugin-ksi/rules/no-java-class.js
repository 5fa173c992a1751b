// SPDX-License-Identifier: EUPL-1.2
const { is, isAny } = require('bpmnlint-utils');

/**
 * No Java class names in the model: service tasks, send tasks, message events and listeners call
 * Spring beans by stable names (camunda:delegateExpression="${findCandidates}"), so a process owner
 * can rewire a model without a build and a refactoring cannot break a deployed process.
 */
module.exports = function() {
  function check(node, reporter) {
    if (node.get && isAny(node, [ 'bpmn:BaseElement' ]) && hasClass(node)) {
      reporter.report(node.id, 'Java class name (camunda:class): use camunda:delegateExpression with a bean name', [ 'class' ]);
    }

    if (isAny(node, [ 'bpmn:ServiceTask', 'bpmn:SendTask' ]) && !isImplementedByBean(node)) {
      reporter.report(node.id, 'Service task must call a bean by camunda:delegateExpression', [ 'delegateExpression' ]);
    }

    if (is(node, 'bpmn:BaseElement')) {
      listeners(node).forEach(listener => {
        if (listener.get('class')) {
          reporter.report(node.id, `Listener uses the Java class ${ listener.get('class') }: use a delegateExpression`, [ 'extensionElements' ]);
        }
      });
    }
  }

  return { check };
};

function hasClass(node) {
  try {
    return !!node.get('camunda:class');
  } catch (e) {
    return false;
  }
}

function isImplementedByBean(node) {
  return !!node.get('camunda:delegateExpression') || node.get('camunda:type') === 'external';
}

function listeners(node) {
  const extensionElements = node.get('extensionElements');

  if (!extensionElements) {
    return [];
  }

  return (extensionElements.get('values') || []).filter(value =>
    isAny(value, [ 'camunda:ExecutionListener', 'camunda:TaskListener' ]));
}
