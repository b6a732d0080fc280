/* sqzgraph binding: MINIT entry points of the classes, called in order by
 * sqzgraph.c: exceptions, interfaces, classes. */
#ifndef PHP_SQZ_CLASSES_H
#define PHP_SQZ_CLASSES_H

void php_sqz_config_minit(void);
void php_sqz_store_minit(void);      /* interface SqzGraph\Store */
void php_sqz_filestore_minit(void);

#endif
