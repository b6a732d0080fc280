/* placeholder: being written */
typedef int sqz_placeholder_sealed_store;
