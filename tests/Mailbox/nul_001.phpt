--TEST--
A NUL byte ("\u0000") in display text from Graph is shown as U+FFFD, never cut short there: an attachment "a\0b.pdf" is not "a" (nor saved as "a"), a subject and a sender's name keep what follows it, and a folder "Ex\0ported" is not "Ex" — a configured folder never resolves to it
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$r = $t->addMessage(ADMIN, ['subject' => "Invoice\0 2024-17", 'from' => ['name' => "Fabrikam\0 Billing", 'address' => 'billing@fabrikam.example'],
    'attachments' => [['name' => "a\0b.pdf", 'content_type' => 'application/pdf', 'content' => '%PDF-1.4 x']]]);
$t->addFolder(ADMIN, "Ex\0ported");
$t->addFolder(ADMIN, 'Ex');
$m = mb_mailbox($t);
$j = fn (string $label, mixed $v) => print("$label: " . json_encode($v, JSON_UNESCAPED_SLASHES) . "\n");   // U+FFFD as \ufffd
$msg = $m->message($r['immutable_id']);
$j('subject', $msg->subject);
$j('from name', $msg->fromName);
$a = $m->attachments($r['immutable_id'])[0];
$j('attachment name', $a->name);
show('U+FFFD', $a->name === "a\u{FFFD}b.pdf");
$paths = array_map(fn ($f) => $f->path, $m->folders());
$j('folders', array_values(array_filter($paths, fn ($p) => str_starts_with($p, 'Ex'))));
$j('Ex resolves to the folder named Ex', $m->resolveFolder('Ex')->path);
?>
--EXPECT--
subject: "Invoice\ufffd 2024-17"
from name: "Fabrikam\ufffd Billing"
attachment name: "a\ufffdb.pdf"
U+FFFD: true
folders: ["Ex","Exported","Ex\ufffdported"]
Ex resolves to the folder named Ex: "Ex"
