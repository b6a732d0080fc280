/* placeholder: being written */
typedef int sqz_placeholder_filestore;
