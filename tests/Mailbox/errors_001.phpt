--TEST--
Mailbox: MailboxNotEnabledForRESTAPI is recognised by its code whatever the status (404, 400, 401), with statusCode, graphCode, requestId and a hint
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('shared');
$m = mb_fabrikam($t, 'nomailbox@fabrikam.example');
foreach ([404, 400, 401] as $status) {
    $t->control('POST', 'mailbox', ['user' => 'nomailbox@fabrikam.example', 'mailbox' => 'not_enabled', 'status' => $status]);
    $s = mb_seq($t);
    $e = mb_catch(fn () => $m->folders());
    $log = mb_graph($t, $s);
    echo mb_describe($e), ' | requestId = the response\'s: ', json_encode($e->requestId() === end($log)['request_id']), ' | requests ', count($log), "\n";
}
echo preg_replace('/\(request-id [0-9a-f-]+\)/', '(request-id …)', $e->getMessage()), "\n";
// An unknown user.
$u = mb_fabrikam($t, 'nobody@fabrikam.example');
$e = mb_catch(fn () => $u->resolveFolder('inbox'));
echo mb_describe($e), "\n", preg_replace('/\(request-id [0-9a-f-]+\)/', '(request-id …)', $e->getMessage()), "\n";
// Every one of them is a SqzGraph\Exception.
show('marker', $e instanceof SqzGraph\Exception);
?>
--EXPECT--
SqzGraph\GraphException status=404 code='MailboxNotEnabledForRESTAPI' | requestId = the response's: true | requests 1
SqzGraph\GraphException status=400 code='MailboxNotEnabledForRESTAPI' | requestId = the response's: true | requests 1
SqzGraph\GraphException status=401 code='MailboxNotEnabledForRESTAPI' | requestId = the response's: true | requests 1
Graph GET /users/nomailbox%40fabrikam.example/mailFolders failed: HTTP 401 MailboxNotEnabledForRESTAPI: The mailbox is either inactive, soft-deleted, or is hosted on-premise. — the mailbox is inactive, soft-deleted, hosted on-premises or has no Exchange Online licence; check the mailbox address and its licence (request-id …)
SqzGraph\GraphException status=404 code='ErrorInvalidUser'
Graph GET /users/nobody%40fabrikam.example/mailFolders failed: HTTP 404 ErrorInvalidUser: The requested user 'nobody@fabrikam.example' is invalid. — the mailbox address is unknown in this tenant; check the mailbox option (request-id …)
marker: true
