--TEST--
A fatal error in the logger or in a userland Store leaks nothing of the extension: under valgrind (USE_ZEND_ALLOC=0), no definitely lost block allocated by sqzgraph's code (before, the request's transfers, the run and a token copy were jumped over and lost)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc';
if (getenv('USE_ZEND_ALLOC') === '0') die('skip already under valgrind (this test runs its own)');
exec('command -v valgrind', $out, $rc);
if ($rc !== 0) die('skip valgrind not installed'); ?>
--FILE--
<?php
require_once __DIR__ . '/../php_child.inc';
foreach (['logger', 'store'] as $where) {
    $log = tempnam(sys_get_temp_dir(), 'sqz-vg');
    $cmd = array_merge(['valgrind', '-q', '--leak-check=full', '--show-leak-kinds=definite', '--num-callers=40',
        "--log-file=$log", '--trace-children=no'], sqz_child_php(), ['-d', 'pcre.jit=0', __DIR__ . '/fatal_child.inc', $where]);
    // ZEND_DONT_UNLOAD_MODULES: the extension's frames stay named in the report after MSHUTDOWN.
    $env = ['USE_ZEND_ALLOC' => '0', 'ZEND_DONT_UNLOAD_MODULES' => '1'] + getenv();
    $p = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
    $out = stream_get_contents($pipes[1]);
    stream_get_contents($pipes[2]);
    $rc = proc_close($p);
    $report = (string) file_get_contents($log);
    unlink($log);
    // Loss records ("N bytes in M blocks are definitely lost") of memory the extension's code took
    // from malloc (the core, libcurl, json-c) — not the engine's own (__zend_malloc: the abandoned call
    // frame's arguments, objects never destroyed after a fatal error; Zend MM frees those normally).
    $ours = 0;
    foreach (preg_split('/\n(?=\S*==\d+== \S.*are definitely lost)/', $report) as $record) {
        if (str_contains($record, 'definitely lost') && preg_match('/\b(sqz_\w+|php_sqz_\w+)/', $record)
            && !str_contains($record, '__zend_malloc')) {
            $ours++;
        }
    }
    echo "$where: exit $rc, ", trim(preg_replace('/ in \S+ on line \d+/', '', $out)), "; loss records of sqzgraph: $ours\n";
}
?>
--EXPECT--
logger: exit 255, Fatal error: the logger dies; loss records of sqzgraph: 0
store: exit 255, Fatal error: the Store dies; loss records of sqzgraph: 0
