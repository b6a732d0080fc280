--TEST--
Attachment::save(): a reference attachment (a link to a cloud file) has no bytes: a clear GraphException (405 notSupported, as Graph would answer) at once, without a request to Graph; no file at the path, nothing in the stream; Mailbox::saveAttachment(), which does not know the kind, gets Graph's own 405
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('sample');
$m = mb_mailbox($t);
$dir = mb_tmp();
$id = mb_id($t, 'Shared link only');
$list = $m->attachments($id);
$a = $list[0];
show('attachment', [count($list), $a->kind, $a->name]);
$s = mb_seq($t);
$e = mb_catch(fn () => $a->save("$dir/Budget.xlsx"));
echo mb_describe($e), "\n";
echo $e->getMessage(), "\n";
show('request id', $e->requestId());
show('says link, no bytes', str_contains($e->getMessage(), 'link') && str_contains($e->getMessage(), 'no bytes'));
show('files', mb_ls($dir));
$fp = fopen('php://memory', 'w+b');
echo mb_describe(mb_catch(fn () => $a->save($fp))), "\n";
show('stream', mb_contents($fp));
show('requests to Graph', count(mb_graph($t, $s)));
$e = mb_catch(fn () => $m->saveAttachment($id, $a->id, "$dir/x"));
echo mb_describe($e), "\n";
echo preg_replace('~GET /me/messages/\S+/\$value~', 'GET /me/messages/ID/attachments/AID/$value', preg_replace('/\(request-id [0-9a-f-]+\)/', '(request-id …)', $e->getMessage())), "\n";
show('files', mb_ls($dir));
// The file attachments of a message that vanished.
$inv = mb_id($t, 'Invoice INV-2024-0001');
$file = $m->attachments($inv)[0];
$t->fault(['path' => '/attachments/.*\$value$', 'action' => 'delete_message', 'message_id' => $inv, 'times' => 1]);
$file->save(fopen('php://memory', 'w'));              // the human deletes it right after this download
echo mb_describe(mb_catch(fn () => $file->save("$dir/late.pdf"))), "\n";
show('files', mb_ls($dir));
?>
--EXPECT--
attachment: [1,"reference","Budget.xlsx"]
SqzGraph\GraphException status=405 code='notSupported'
attachment is a reference attachment (a link to a file in the cloud) and has no bytes to save: the attachment 'Budget.xlsx' was listed as #microsoft.graph.referenceAttachment; nothing was requested from Graph (whose answer would be 405 notSupported)
request id: NULL
says link, no bytes: true
files: []
SqzGraph\GraphException status=405 code='notSupported'
stream: ''
requests to Graph: 0
SqzGraph\GraphException status=405 code='notSupported'
attachment is a reference attachment (a link to a file in the cloud) and has no bytes to save: Graph GET /me/messages/ID/attachments/AID/$value failed: HTTP 405 notSupported: Getting the raw contents of a reference attachment is not supported. (request-id …)
files: []
SqzGraph\GraphException status=404 code='ErrorItemNotFound'
files: []
