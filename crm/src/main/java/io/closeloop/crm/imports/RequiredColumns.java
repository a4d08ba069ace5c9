package io.closeloop.crm.imports;

import static io.closeloop.crm.imports.ImportField.ACCOUNT_DOMAIN;
import static io.closeloop.crm.imports.ImportField.ACCOUNT_EXTERNAL_ID;
import static io.closeloop.crm.imports.ImportField.ACCOUNT_NAME;
import static io.closeloop.crm.imports.ImportField.EMAIL;
import static io.closeloop.crm.imports.ImportField.FIRST_NAME;
import static io.closeloop.crm.imports.ImportField.LAST_NAME;
import static io.closeloop.crm.imports.ImportField.NAME;

import io.closeloop.kernel.problem.ProblemException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The columns a file must have to be imported at all: accounts need a name; contacts an e-mail
 * or a name; deals a name and something that identifies their account.
 */
final class RequiredColumns {

    private RequiredColumns() {
    }

    static void check(CsvTable table) {
        Set<ImportField> present = table.fields();
        switch (table.kind()) {
            case ACCOUNTS -> require(table, present, "name", EnumSet.of(NAME));
            case CONTACTS -> require(table, present, "email", EnumSet.of(EMAIL, FIRST_NAME, LAST_NAME));
            case DEALS -> {
                require(table, present, "name", EnumSet.of(NAME));
                require(table, present, "account", EnumSet.of(ACCOUNT_EXTERNAL_ID, ACCOUNT_NAME, ACCOUNT_DOMAIN));
            }
        }
    }

    private static void require(CsvTable table, Set<ImportField> present, String field, Set<ImportField> anyOf) {
        if (Collections.disjoint(present, anyOf)) {
            throw ProblemException.invalidField(field, "missing column: the " + table.kind().path()
                    + " file needs one of " + ImportColumns.accepted(table.kind(), anyOf));
        }
    }
}
