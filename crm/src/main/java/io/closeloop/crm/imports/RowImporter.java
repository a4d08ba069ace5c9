package io.closeloop.crm.imports;

/**
 * Applies one row of one kind of file, inside a transaction the caller opened for that row alone.
 * Throws {@link RowRejected} (rolling the row back) when the row cannot be applied as a whole.
 */
interface RowImporter {

    ImportKind kind();

    RowOutcome apply(ImportRow row, ImportRun run);
}
