-- The 在孵企业 list opens newest admitted first (ListSpec: admitted_on DESC NULLS LAST, id DESC)
-- and, for graduated and exited tenants, newest left first. With a province's scope
-- (region_code = ANY of hundreds of codes) the region index cannot give that order, so
-- without these every page sorted all of the province's tenants; with them the planner walks
-- the index in order, filters by region and stops after the page.
CREATE INDEX tenant_admitted_order_idx ON tenant (admitted_on DESC NULLS LAST, id DESC);
CREATE INDEX tenant_left_order_idx ON tenant (left_on DESC NULLS LAST, id DESC);
