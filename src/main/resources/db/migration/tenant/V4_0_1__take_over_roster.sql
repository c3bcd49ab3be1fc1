-- The tenant module takes over the operator module's interim roster: same ids, chain stage
-- 孵化器, the operator's region. The roster table goes; the operator module now asks the
-- tenant module (operator.TenantRoster).
INSERT INTO tenant (id, operator_id, region_code, name, credit_code, admitted_on, agreement_signed, agreement_date,
                    in_focus_segment, chain_stage, status, left_on, created_at, version)
SELECT t.id, t.operator_id, o.region_code, t.name, t.credit_code, t.admitted_on, t.agreement_signed, t.agreement_date,
       t.in_focus_segment, 'INCUBATOR', t.status, t.left_on, t.created_at, t.version
FROM operator_tenant t
JOIN operator_organisation o ON o.id = t.operator_id;

SELECT setval(pg_get_serial_sequence('tenant', 'id'), GREATEST((SELECT max(id) FROM tenant), 1),
              (SELECT max(id) FROM tenant) IS NOT NULL);

INSERT INTO tenant_chain_move (tenant_id, from_stage, to_stage, moved_on, note, recorded_at)
SELECT id, NULL, 'INCUBATOR', admitted_on, '由运营机构名册迁入', created_at FROM tenant;

DROP TABLE operator_tenant;
