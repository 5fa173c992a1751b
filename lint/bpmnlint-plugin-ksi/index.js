// SPDX-License-Identifier: EUPL-1.2
// House rules for the BPMN models in bpmn/: see README.md next to this file.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'user-task-form': 'error',
        'user-task-candidate-groups': 'error',
        'history-time-to-live': 'error',
        'readable-ids': 'error',
        'no-java-class': 'error'
      }
    }
  },
  rules: {
    'user-task-form': './rules/user-task-form',
    'user-task-candidate-groups': './rules/user-task-candidate-groups',
    'history-time-to-live': './rules/history-time-to-live',
    'readable-ids': './rules/readable-ids',
    'no-java-class': './rules/no-java-class'
  }
};
