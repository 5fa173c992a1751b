-- The legal duties' deadlines of a case (issue #22, decision 3: process variables are references and what the
-- models' gateways and decisions read, nothing else): "Fristen berechnen" computes them from the start of the
-- Inobhutnahme and the process owner's settings and records them here, bound to the duties' process instance; the
-- duties model's timers and due dates read them from here (dutyFacts.informChildDue(execution) and the like, DutyDeadlines).
--   name     the deadline, as the duties contract names it (informChildDue, objectionWithin, ...)
--   due_at   the moment a duty is due (for deadlines that are a point in time)
--   period   an ISO-8601 duration counted from when the duty's task begins (objectionWithin, courtDecisionWithin)
CREATE TABLE duty_deadline (
  duties_instance_id VARCHAR(64) NOT NULL,
  name               VARCHAR(64) NOT NULL,
  due_at             TIMESTAMP WITH TIME ZONE,
  period             VARCHAR(32),
  PRIMARY KEY (duties_instance_id, name),
  CONSTRAINT ck_duty_deadline_value CHECK (due_at IS NOT NULL OR period IS NOT NULL)
);
