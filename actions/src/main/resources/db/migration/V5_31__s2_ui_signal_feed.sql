-- The signal feed (GET /api/signals) lists transitions of visible accounts, newest first.
create index signal_transition_account_at_idx on signal_transition (account_id, at desc);
