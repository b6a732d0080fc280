--TEST--
Message::attachments(): the message's attachments; each Attachment::save() works from there
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t);
$s = mb_seq($t);
foreach ($m->messages('inbox') as $msg) {
    $list = $msg->attachments();
    echo $msg->subject, ' (hasAttachments ', json_encode($msg->hasAttachments), '): ', json_encode(array_map(fn ($a) => "{$a->name} {$a->contentType} {$a->size} {$a->kind}", $list), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
    foreach ($list as $a) {
        $fp = fopen('php://memory', 'w+b');
        echo '  saved ', $a->save($fp) === $a->size ? 'size bytes' : 'OTHER', "\n";
    }
}
show('attachment listings', count(array_filter(mb_graph($t, $s), fn ($r) => str_ends_with(parse_url($r['target'], PHP_URL_PATH), '/attachments'))));
?>
--EXPECT--
Invoice 1 (hasAttachments true): ["invoice-1.pdf application/pdf 3001 file"]
  saved size bytes
Invoice 2 (hasAttachments true): ["invoice-2.pdf application/pdf 3002 file"]
  saved size bytes
Invoice 3 (hasAttachments true): ["invoice-3.pdf application/pdf 3003 file"]
  saved size bytes
No attachment (hasAttachments false): []
50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf (hasAttachments true): ["50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf application/pdf 10 file"]
  saved size bytes
attachment listings: 5
