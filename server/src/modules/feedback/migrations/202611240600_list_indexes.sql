-- Indexes for lists over a large table (measured over 1,000,000 reports, docs/feedback.md, Performance).
--
-- The public board lists published reports newest-published first, filtered by category or unit, and
-- counts the matches up to 1,000. With only (published_at desc) the filtered list walked published
-- reports of every category and the count read the table; these answer both from one index each
-- (the count as an index-only scan: status and received_at are carried for its filters). Partial on
-- published reports: a submission (never published yet) does not write them.
create index reports_published_category_idx on feedback.reports (category_code, published_at desc)
  include (status, received_at) where published_at is not null;
create index reports_published_unit_idx on feedback.reports (admin_unit_code, published_at desc)
  include (status, received_at) where published_at is not null;

-- Open311 status=closed, newest first: without these the scan stepped over every recent open report
-- (the newest are mostly open) before reaching a closed one. The list of states is Open311's closed
-- ones (report-states.ts closedStatuses): a query naming them uses the index. A submission (open) does
-- not write them.
create index reports_closed_received_idx on feedback.reports (received_at desc)
  where status in ('published', 'closed', 'rejected', 'merged');
create index reports_closed_category_idx on feedback.reports (category_code, received_at desc)
  where status in ('published', 'closed', 'rejected', 'merged');
