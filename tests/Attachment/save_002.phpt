--TEST--
Attachment::save(): an item attachment (an attached message) saves as its MIME
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('basic');
$r = $t->addMessage(ADMIN, ['subject' => 'Fwd: the original', 'attachments' => [['kind' => 'item', 'subject' => 'The original']]]);
$m = mb_mailbox($t);
$dir = mb_tmp();
$a = $m->attachments($r['immutable_id'])[0];
show('attachment', [$a->kind, $a->name, $a->contentType]);
$n = $a->save("$dir/original.eml");
$mime = file_get_contents("$dir/original.eml");
show('bytes', [$n === strlen($mime), $n === $a->size]);
show('a MIME message', [(bool) preg_match('/^Subject: The original\r?$/m', $mime), (bool) preg_match('/^MIME-Version: 1\.0\r?$/m', $mime),
    (bool) preg_match('/^Message-ID: <[^>]+>\r?$/m', $mime), str_contains($mime, "\r\n\r\n") || str_contains($mime, "\n\n")]);
$fp = fopen('php://memory', 'w+b');
show('to a stream', [$a->save($fp) === $n, mb_contents($fp) === $mime]);
?>
--EXPECT--
attachment: ["item","The original",null]
bytes: [true,true]
a MIME message: [true,true,true,true]
to a stream: [true,true]
