--TEST--
Mailbox::move(): a vanished message, an unknown destination and a read-only grant are GraphExceptions with the Graph code
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t);
$id = mb_id($t, 'Invoice 2');
$t->fault(['path' => 'mailFolders\?', 'action' => 'delete_message', 'message_id' => $id, 'times' => 1]);
$m->folders();                                  // ... and a human deletes the message meanwhile
$e = mb_catch(fn () => $m->move($id, 'inbox'));
echo mb_describe($e), "\n";
show('requestId', is_string($e->requestId()));
$id3 = mb_id($t, 'Invoice 3');
echo mb_describe(mb_catch(fn () => $m->move($id3, 'AQMkADAwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=='))), "\n";
echo mb_describe(mb_catch(fn () => $m->move($id3, 'No such folder'))), "\n";
// Mail.Read only (the Fabrikam read-only daemon): reading works, moving is denied.
$f = mb_tenant('shared');
$ro = mb_fabrikam($f, 'invoices@fabrikam.example', ['client_id' => RO_CLIENT, 'client_secret' => RO_SECRET]);
$msg = iterator_to_array($ro->messages('inbox', ['limit' => 1]))[0];
echo mb_describe(mb_catch(fn () => $ro->move($msg->id, 'inbox'))), "\n";
show('nothing moved', count($f->messagesIn('invoices@fabrikam.example', 'inbox')));
?>
--EXPECT--
SqzGraph\GraphException status=404 code='ErrorItemNotFound'
requestId: true
SqzGraph\GraphException status=404 code='ErrorItemNotFound'
SqzGraph\GraphException status=400 code='ErrorInvalidIdMalformed'
SqzGraph\GraphException status=403 code='ErrorAccessDenied'
nothing moved: 14
