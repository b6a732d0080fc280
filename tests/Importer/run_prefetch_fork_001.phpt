--TEST--
Importer::run(): a handler that forks (pcntl_fork) while the next window is being fetched ahead on the worker thread — the forked copy, which has no worker, leaves its run by exit() at once (it never waits for the parent's thread), and the parent's run imports every message once
--SKIPIF--
<?php $needs = ['pcntl', 'posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
for ($i = 1; $i <= 60; $i++) {
    im_add($f, sprintf('Bulk %03d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 3000]]]);
}
$f->t->setLatency(200);
$marker = "{$f->dir}/forked";
$c = im_child($f, ['handler' => ['fork_in' => 'Invoice 2', 'fork_marker' => $marker]]);
im_show_child($f, 'run', $c);
$deadline = microtime(true) + 30 * MockTenant::slowdown();
while (!is_file($marker) && microtime(true) < $deadline) {
    usleep(50000);
}
echo 'the forked copy unwound its run and ended: ', json_encode(is_file($marker)), "\n";
$calls = array_count_values(array_filter(explode("\n", (string) file_get_contents("{$f->dir}/handler.log")),
    fn ($l) => str_starts_with($l, 'done ')));
echo 'messages whose handler finished more than once: ', json_encode(array_keys(array_filter($calls, fn ($n) => $n > 1))), "\n";
echo 'handlers finished: ', count($calls), "\n";
echo 'left in the Inbox: ', count($f->t->messagesIn(IM_ADMIN, 'Inbox')), "\n";
?>
--EXPECT--
run: exit 0
imported=65 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: imported
  Invoice 2: imported
  Invoice 3: imported
  No attachment: imported
  fixture: imported
  Bulk 001: imported
  Bulk 002: imported
  Bulk 003: imported
  Bulk 004: imported
  Bulk 005: imported
  Bulk 006: imported
  Bulk 007: imported
  Bulk 008: imported
  Bulk 009: imported
  Bulk 010: imported
  Bulk 011: imported
  Bulk 012: imported
  Bulk 013: imported
  Bulk 014: imported
  Bulk 015: imported
  Bulk 016: imported
  Bulk 017: imported
  Bulk 018: imported
  Bulk 019: imported
  Bulk 020: imported
  Bulk 021: imported
  Bulk 022: imported
  Bulk 023: imported
  Bulk 024: imported
  Bulk 025: imported
  Bulk 026: imported
  Bulk 027: imported
  Bulk 028: imported
  Bulk 029: imported
  Bulk 030: imported
  Bulk 031: imported
  Bulk 032: imported
  Bulk 033: imported
  Bulk 034: imported
  Bulk 035: imported
  Bulk 036: imported
  Bulk 037: imported
  Bulk 038: imported
  Bulk 039: imported
  Bulk 040: imported
  Bulk 041: imported
  Bulk 042: imported
  Bulk 043: imported
  Bulk 044: imported
  Bulk 045: imported
  Bulk 046: imported
  Bulk 047: imported
  Bulk 048: imported
  Bulk 049: imported
  Bulk 050: imported
  Bulk 051: imported
  Bulk 052: imported
  Bulk 053: imported
  Bulk 054: imported
  Bulk 055: imported
  Bulk 056: imported
  Bulk 057: imported
  Bulk 058: imported
  Bulk 059: imported
  Bulk 060: imported
the forked copy unwound its run and ended: true
messages whose handler finished more than once: []
handlers finished: 65
left in the Inbox: 0
