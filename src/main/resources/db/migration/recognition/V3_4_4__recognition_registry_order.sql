-- The public registry lists titles newest first, 20 a page: read in index order instead of
-- sorting every title on each request.
CREATE INDEX recognition_registry_order_idx ON recognition (recognized_on DESC, id DESC);
