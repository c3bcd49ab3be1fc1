-- NATIONAL (国家级主管部门, e.g. 科学技术部火炬中心) joins the roles: it records national titles and
-- decides on the recommendations of provinces and municipalities. SECURITY_ADMIN is the role
-- another change adds in V1_3_8 (三员分立); it is listed here as well so that whichever of the two
-- constraints is written last keeps every role.
ALTER TABLE user_account DROP CONSTRAINT user_account_role_check;
ALTER TABLE user_account ADD CONSTRAINT user_account_role_check
  CHECK (role IN ('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL', 'EXPERT', 'AUDITOR', 'ADMIN',
                  'SECURITY_ADMIN'));
