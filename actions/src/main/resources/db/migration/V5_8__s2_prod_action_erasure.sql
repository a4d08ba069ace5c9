-- Right to erasure (issue 9): action_event stays append-only for every change except one, the
-- redaction of an erased person's name, e-mail and phone by ActionErasureHook, which marks its
-- transaction with set_config('closeloop.erasure', 'on', true). Rows are never deleted here.
create or replace function action_event_append_only() returns trigger language plpgsql as $$
begin
    if current_setting('closeloop.erasure', true) = 'on'
       and new.id = old.id and new.action_id = old.action_id and new.to_status = old.to_status
       and new.from_status is not distinct from old.from_status and new.at = old.at
       and new.actor_id is not distinct from old.actor_id then
        return new;
    end if;
    raise exception 'action_event is append-only (action %)', old.action_id;
end $$;
