/* sqzgraph binding: MINIT entry points of the classes, called in order by
 * sqzgraph.c: exceptions, interfaces, classes. */
#ifndef PHP_SQZ_CLASSES_H
#define PHP_SQZ_CLASSES_H

void php_sqz_config_minit(void);
void php_sqz_store_minit(void);      /* interface SqzGraph\Store */
void php_sqz_filestore_minit(void);
void php_sqz_sealed_store_minit(void);
void php_sqz_pdo_store_minit(void);

void php_sqz_token_info_minit(void);
void php_sqz_authenticator_minit(void);

void php_sqz_mailbox_minit(void);
void php_sqz_folder_minit(void);
void php_sqz_message_minit(void);
void php_sqz_attachment_minit(void);
void php_sqz_message_iterator_minit(void);
void php_sqz_importer_minit(void);
void php_sqz_import_report_minit(void);

#endif
