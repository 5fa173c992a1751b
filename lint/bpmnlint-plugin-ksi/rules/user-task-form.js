// SPDX-License-Identifier: EUPL-1.2
const { is } = require('bpmnlint-utils');

/**
 * Every user task has a Camunda Form (camunda:formRef), and every form reference is bound to the
 * deployment (camunda:formRefBinding="deployment"): "latest" breaks once a form id exists in several
 * tenants, and a form from another deployment may not match the process.
 */
module.exports = function() {
  function check(node, reporter) {
    const formRef = node.get && is(node, 'bpmn:FlowNode') ? node.get('camunda:formRef') : undefined;

    if (is(node, 'bpmn:UserTask') && !formRef) {
      reporter.report(node.id, 'User task has no Camunda Form (camunda:formRef)', [ 'formRef' ]);
    }

    if (formRef && node.get('camunda:formRefBinding') !== 'deployment') {
      reporter.report(node.id, 'Form reference must use camunda:formRefBinding="deployment"', [ 'formRefBinding' ]);
    }

    if (is(node, 'bpmn:UserTask') && node.get('camunda:formKey')) {
      reporter.report(node.id, 'Use camunda:formRef (Camunda Forms), not camunda:formKey', [ 'formKey' ]);
    }
  }

  return { check };
};
