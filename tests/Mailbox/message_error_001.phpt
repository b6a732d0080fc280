--TEST--
Mailbox::message(): a vanished or malformed id is a GraphException with statusCode, graphCode and requestId
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t);
$id = mb_id($t, 'Invoice 2');
// A human deletes it in Outlook.
$t->fault(['path' => 'mailFolders\?', 'action' => 'delete_message', 'message_id' => $id, 'times' => 1]);
$m->folders();
$s = mb_seq($t);
$e = mb_catch(fn () => $m->message($id));
echo mb_describe($e), "\n";
show('is SqzGraph\Exception, RuntimeException', [$e instanceof SqzGraph\Exception, $e instanceof RuntimeException]);
show('requestId', $e->requestId() === mb_graph($t, $s)[0]['request_id'] && $e->requestId() !== null);
echo preg_replace('~/messages/\S+ failed~', '/messages/ID failed', preg_replace('/\(request-id [0-9a-f-]+\)/', '(request-id …)', $e->getMessage())), "\n";
$e = mb_catch(fn () => $m->message('AAkALgAA-not-an-id'));
echo mb_describe($e), "\n";
$e = mb_catch(fn () => $m->message(''));
echo get_class($e), ': ', $e->getMessage(), "\n";
?>
--EXPECT--
SqzGraph\GraphException status=404 code='ErrorItemNotFound'
is SqzGraph\Exception, RuntimeException: [true,true]
requestId: true
Graph GET /me/messages/ID failed: HTTP 404 ErrorItemNotFound: The specified object was not found in the store. — the item no longer exists in the mailbox (moved or deleted) (request-id …)
SqzGraph\GraphException status=400 code='ErrorInvalidIdMalformed'
ValueError: SqzGraph\Mailbox::message(): Argument #1 ($id) must be a non-empty message id without NUL bytes
