package io.closeloop.crm.imports;

/**
 * Why one CSV row was not applied: the column (as the file names it) and the reason. Thrown
 * inside the row's own transaction, which it rolls back; the import goes on with the next row.
 */
public class RowRejected extends RuntimeException {

    private final String column;

    public RowRejected(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    public String column() {
        return column;
    }

    public String reason() {
        return getMessage();
    }
}
