--TEST--
Mailbox::messages(): an @odata.nextLink to another origin throws GraphException; the foreign host never receives a request (nor the token)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$foreign = MockTenant::start([]);          // same host, another port: another origin, with its own request log
$m = mb_mailbox($t);
$next = $foreign->graph . '/me/mailFolders/inbox/messages?$skip=2&$top=2';
$t->fault(['path' => '/messages\?', 'action' => 'rewrite', 'set' => ['@odata.nextLink' => $next], 'times' => 1]);
$seen = [];
$e = mb_catch(function () use ($m, &$seen) {
    foreach ($m->messages('inbox', ['page_size' => 2]) as $k => $msg) {
        $seen[] = $k;
    }
});
show('first page delivered', $seen);
echo mb_describe($e), "\n";
echo str_replace([(string) $foreign->port, (string) $t->port], ['FOREIGN', 'GRAPH'], $e->getMessage()), "\n";
show('foreign host requests', $foreign->requests());
show('graph requests', count(mb_graph($t)));
// Another scheme on the same host and port is another origin too.
$t->clearFaults();
$t->fault(['path' => '/messages\?', 'action' => 'rewrite', 'set' => ['@odata.nextLink' => str_replace('http://', 'https://', $t->graph) . '/me/messages?$skip=2'], 'times' => 1]);
echo mb_describe(mb_catch(fn () => iterator_to_array($m->messages('inbox', ['page_size' => 2])))), "\n";
// A same-origin nextLink (absolute URL) is followed.
$t->clearFaults();
$t->fault(['path' => '/messages\?', 'action' => 'rewrite', 'set' => ['@odata.nextLink' => $t->graph . '/me/mailFolders/inbox/messages?$top=3&$skip=2&$select=id,subject'], 'times' => 1]);
show('same origin', count(iterator_to_array($m->messages('inbox', ['page_size' => 2]))));
?>
--EXPECT--
first page delivered: [0,1]
SqzGraph\GraphException status=0 code=NULL
Graph's message listing points its next page to http://127.0.0.1:FOREIGN, not graph_endpoint's host; refusing to follow it (the access token never leaves http://127.0.0.1:GRAPH)
foreign host requests: []
graph requests: 1
SqzGraph\GraphException status=0 code=NULL
same origin: 5
