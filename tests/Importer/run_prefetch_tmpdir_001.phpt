--TEST--
Importer::run(): the private temporary directory of the prefetch (0700, files 0600) is gone after every run — a normal one, one whose handler throws, one ended by a handler exception that stops the run, one in which Graph is down (every message deferred), and in a child process one ended by exit() in the handler and one ended by a fatal error (engine bailout); one left by a process killed with SIGKILL is removed by the next run
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic');
$tmp = pf_private_tmp($f);
$modes = null;
$look = function () use ($tmp, &$modes) {
    $dirs = glob("$tmp/sqzgraph-import-*");
    $files = $dirs ? glob($dirs[0] . '/*') : [];
    $modes = sprintf('%d dir %o, files %s', count($dirs), fileperms($dirs[0]) & 0777,
        json_encode(array_values(array_unique(array_map(fn ($x) => sprintf('%o', fileperms($x) & 0777), $files)))));
};

echo "--- a run whose handler throws for Invoice 1 (and looks at the directory)\n";
$r = im_importer($f, ['max_messages' => 2])->run(pf_handler($f, ['Invoice 1' => fn () => throw new DomainException('no'), 'Invoice 2' => $look]));
im_report($f, $r, false);
echo "during the run: $modes\n";
echo 'after it: ', json_encode(pf_tmp_files($tmp)), "\n";

echo "--- a handler exception that stops the run (403 from Graph)\n";
try {
    im_importer($f, ['max_messages' => 1])->run(pf_handler($f, ['Invoice 3' => function () use ($f) {
        $f->t->fault(['method' => 'GET', 'path' => '/mailFolders\?', 'status' => 403, 'times' => 1]);
        im_mailbox($f)->folders();
    }]));
} catch (SqzGraph\GraphException $e) {
    echo get_class($e), ' ', $e->statusCode(), "\n";
}
echo 'after it: ', json_encode(pf_tmp_files($tmp)), "\n";

echo "--- Graph down: every message deferred\n";
$f->t->fault(['path' => '/messages/', 'batch_member' => 'any', 'status' => 503]);
$r = im_importer($f)->run(pf_handler($f));
im_report($f, $r, false);
echo 'after it: ', json_encode(pf_tmp_files($tmp)), "\n";
$f->t->clearFaults();

foreach (['exit' => 'exit() in the handler', 'fatal' => 'a fatal error in the handler'] as $how => $what) {
    echo "--- a child: $what\n";
    $c = im_child($f, ['options' => ['max_messages' => 1], 'handler' => ['fail' => ['Invoice 3' => $how]]]);
    echo "child: {$c['end']}\n";
    echo 'after it: ', json_encode(pf_tmp_files($tmp)), "\n";
}

// (1 file: the MIME; the attachment is served from it, fetch_ahead's default)
echo "--- a child killed by SIGKILL in the handler leaves its directory; the next run removes it\n";
// (Invoice 3 died in its handler three times now: exit, fatal error, SIGKILL — poison at max_attempts 3.)
$c = im_child($f, ['options' => ['max_messages' => 1], 'handler' => ['kill_in' => 'Invoice 3']]);
echo "child: {$c['end']}\n";
echo 'after it: ', json_encode(array_map(fn ($x) => preg_replace('~^sqzgraph-import-\d+-\w{6}~', 'sqzgraph-import-PID-XXXXXX', $x), pf_tmp_files($tmp))), "\n";
$r = im_importer($f)->run(pf_handler($f));
im_report($f, $r);
echo 'after the next run: ', json_encode(pf_tmp_files($tmp)), "\n";
im_where($f);
?>
--EXPECT--
--- a run whose handler throws for Invoice 1 (and looks at the directory)
imported=1 failed=1 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
during the run: 1 dir 700, files ["600"]
after it: []
--- a handler exception that stops the run (403 from Graph)
SqzGraph\GraphException 403
after it: []
--- Graph down: every message deferred
imported=0 failed=0 deferred=3 vanished=0 resumed=0 locked=false aborted=NULL
after it: []
--- a child: exit() in the handler
child: exit 3
after it: []
--- a child: a fatal error in the handler
child: exit 255
after it: []
--- a child killed by SIGKILL in the handler leaves its directory; the next run removes it
child: killed by signal 9
after it: ["sqzgraph-import-PID-XXXXXX\/ (1 files)"]
imported=2 failed=1 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 3: failed (poison)
  No attachment: imported
  fixture: imported
after the next run: []
Inbox: 
Exported: Invoice 2, No attachment, fixture
Error: Invoice 1, Invoice 3
