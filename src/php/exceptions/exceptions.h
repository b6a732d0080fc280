/* sqzgraph binding: the exception classes (SPEC §Exceptions).
 * One .stub.php + .c + _arginfo.h per class; src/php/errors.c is the one
 * place that decides which of them a core error becomes. */
#ifndef PHP_SQZ_EXCEPTIONS_H
#define PHP_SQZ_EXCEPTIONS_H

#include "php.h"

extern zend_class_entry *php_sqz_exception_ce;
extern zend_class_entry *php_sqz_config_exception_ce;
extern zend_class_entry *php_sqz_store_exception_ce;
extern zend_class_entry *php_sqz_transport_exception_ce;
extern zend_class_entry *php_sqz_graph_exception_ce;
extern zend_class_entry *php_sqz_throttled_exception_ce;
extern zend_class_entry *php_sqz_authorization_exception_ce;
extern zend_class_entry *php_sqz_reauthentication_required_exception_ce;
extern zend_class_entry *php_sqz_folder_not_found_exception_ce;
extern zend_class_entry *php_sqz_ambiguous_folder_exception_ce;
extern zend_class_entry *php_sqz_retry_later_exception_ce;

void php_sqz_exception_minit(void);
void php_sqz_config_exception_minit(void);
void php_sqz_store_exception_minit(void);
void php_sqz_transport_exception_minit(void);
void php_sqz_graph_exception_minit(void);
void php_sqz_throttled_exception_minit(void);
void php_sqz_authorization_exception_minit(void);
void php_sqz_reauthentication_required_exception_minit(void);
void php_sqz_folder_not_found_exception_minit(void);
void php_sqz_ambiguous_folder_exception_minit(void);
void php_sqz_retry_later_exception_minit(void);

/* Registers every exception class, parents first. */
void php_sqz_exceptions_minit(void);

#endif
