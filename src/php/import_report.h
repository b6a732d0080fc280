/* sqzgraph binding: SqzGraph\ImportReport, built from a core sqz_import_report
 * and the lines of the run's messages. */
#ifndef PHP_SQZ_IMPORT_REPORT_H
#define PHP_SQZ_IMPORT_REPORT_H

#include "php.h"
#include "zend_smart_str.h"
#include "core/importer.h"

extern zend_class_entry *php_sqz_import_report_ce;

/* The report's items while the run lasts: one packed line per settled
 * message (all zero = none yet). */
typedef struct php_sqz_report_lines {
	smart_str packed;
	size_t count;
} php_sqz_report_lines;

/* Adds it's line (copied). */
void php_sqz_report_lines_add(php_sqz_report_lines *lines, const sqz_import_item *it);
void php_sqz_report_lines_free(php_sqz_report_lines *lines);

/* Creates an ImportReport in out from r (copied) and the lines, which it
 * takes (lines is left empty). */
void php_sqz_import_report_create(zval *out, const sqz_import_report *r, php_sqz_report_lines *lines);

#endif
