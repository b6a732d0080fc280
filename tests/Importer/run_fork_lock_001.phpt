--TEST--
Importer::run() with a FileStore: a handler that forks, whose copy ends by exit(), does not release the parent's import lock — the copy shares the lock file's open file description, and its unlock on the way out would free the lock in the middle of the parent's run (another run then started on the same mailbox)
--SKIPIF--
<?php $needs = ['pcntl', 'posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
for ($i = 1; $i <= 40; $i++) {
    im_add($f, sprintf('Bulk %03d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 3000]]]);
}
$f->t->setLatency(200);
$plan = "{$f->dir}/plan.json";
file_put_contents($plan, json_encode(['dir' => $f->dir, 'store' => $f->storeDir, 'config' => $f->config, 'labels' => $f->labels]));
$p = proc_open([...sqz_child_php(), __DIR__ . '/fork_lock_child.inc', $plan],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', "{$f->dir}/out", 'w'], 2 => ['file', "{$f->dir}/err", 'w']], $pipes);
echo 'the forked copy ended: ', json_encode(im_wait_for(fn () => is_file("{$f->dir}/forked"), 30 * MockTenant::slowdown())), "\n";
echo 'the first run still running: ', json_encode(proc_get_status($p)['running']), "\n";
$r = im_importer($f, ['max_messages' => 1])->run(fn () => true);
echo 'a second run meanwhile: locked=', json_encode($r->locked), ', imported=', $r->imported, "\n";
while (proc_get_status($p)['running']) {
    usleep(20000);
}
echo 'the first run: ', trim(file_get_contents("{$f->dir}/out") . file_get_contents("{$f->dir}/err")), "\n";
echo 'left in the Inbox: ', count($f->t->messagesIn(IM_ADMIN, 'Inbox')), "\n";
?>
--EXPECT--
the forked copy ended: true
the first run still running: true
a second run meanwhile: locked=true, imported=0
the first run: imported=45 locked=false
left in the Inbox: 0
