package io.closeloop.actions.action;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The actions a person may see, newest first, optionally by status; and one action with its history. */
@ApplicationScoped
public class ActionQueue {

    private final ActionAccess access;

    public ActionQueue(ActionAccess access) {
        this.access = access;
    }

    @Transactional
    public Page<ActionView> list(Rep viewer, Set<ActionStatus> statuses, int page, int size) {
        AccountScope.Condition visible = access.visibleTo(viewer);
        Map<String, Object> params = new LinkedHashMap<>(visible.params());
        String where = visible.jpql();
        if (statuses != null && !statuses.isEmpty()) {
            where += " and x.status in :statuses";
            params.put("statuses", statuses);
        }
        var found = Action.find("select x from Action x left join x.owner o where " + where + " order by x.id desc", params)
                .page(page, size);
        long total = Action.count("from Action x left join x.owner o where " + where, params);
        return new Page<>(found.<Action>list().stream().map(ActionView::of).toList(), page, size, total);
    }

    @Transactional
    public ActionView get(Rep viewer, Long id) {
        return ActionView.of(access.require(viewer, id));
    }

    /** Every recorded transition of the action, oldest first. */
    @Transactional
    public List<ActionEventView> history(Rep viewer, Long id) {
        access.require(viewer, id);
        return ActionEvent.of(id).stream().map(ActionEventView::of).toList();
    }
}
