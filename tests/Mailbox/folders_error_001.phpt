--TEST--
Mailbox::folders(): a nextLink to another origin is refused (GraphException); that host never gets a request; Graph errors map to GraphException
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$foreign = MockTenant::start([]);          // another origin (its own port) with its own request log
$m = mb_mailbox($t);
$t->fault(['path' => '^/v1\.0/me/mailFolders\?', 'action' => 'rewrite',
    'set' => ['@odata.nextLink' => $foreign->graph . '/me/mailFolders?$skip=10'], 'times' => 1]);
$e = mb_catch(fn () => $m->folders());
echo mb_describe($e), "\n";
show('names the rule', str_contains($e->getMessage(), 'another host') || str_contains($e->getMessage(), 'graph_endpoint'));
show('foreign requests', count($foreign->requests()));
// A plain Graph error.
$t->fault(['path' => '/childFolders', 'status' => 403, 'times' => 1]);
$e = mb_catch(fn () => $m->folders());
echo mb_describe($e), "\n";
$failed = array_values(array_filter(mb_graph($t), fn ($r) => $r['status'] === 403));
show('requestId = the response\'s', $e->requestId() === $failed[0]['request_id']);
echo get_class(mb_catch(fn () => $m->folders(1))), "\n";
?>
--EXPECT--
SqzGraph\GraphException status=0 code=NULL
names the rule: true
foreign requests: 0
SqzGraph\GraphException status=403 code='ErrorAccessDenied'
requestId = the response's: true
ArgumentCountError
