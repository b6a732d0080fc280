--TEST--
Mailbox::resolveFolder(): a well-known name the mailbox has no folder for (Graph: 404 ErrorFolderNotFound) throws FolderNotFoundException, not GraphException; a well-known name that exists resolves whatever its display name
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('shared');
$m = mb_fabrikam($t);
foreach (['scheduled', 'Clutter'] as $spec) {
    $e = mb_catch(fn () => $m->resolveFolder($spec));
    echo get_class($e), "\n", $e->getMessage() === null ? '' : preg_replace('/request-id [0-9a-f-]+/', 'request-id X', $e->getMessage()), "\n";
    show('a SqzGraph\Exception, not a GraphException', $e instanceof SqzGraph\Exception && !$e instanceof SqzGraph\GraphException);
}
echo $m->resolveFolder('INBOX')->path, "\n";
?>
--EXPECT--
SqzGraph\FolderNotFoundException
folder 'scheduled' (a well-known folder) does not exist in this mailbox; create it in Outlook or configure another folder: Graph GET /users/invoices%40fabrikam.example/mailFolders/scheduled failed: HTTP 404 ErrorFolderNotFound: The specified folder could not be found in the store. (request-id X)
a SqzGraph\Exception, not a GraphException: true
SqzGraph\FolderNotFoundException
folder 'Clutter' (a well-known folder) does not exist in this mailbox; create it in Outlook or configure another folder: Graph GET /users/invoices%40fabrikam.example/mailFolders/Clutter failed: HTTP 404 ErrorFolderNotFound: The specified folder could not be found in the store. (request-id X)
a SqzGraph\Exception, not a GraphException: true
Inbox
