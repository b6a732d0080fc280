--TEST--
stubs/sqzgraph.php declares exactly what the loaded extension registers: classes, interfaces, parents, constants, properties, methods, parameters (types, defaults, by-ref, variadic, #[\SensitiveParameter]) and return types
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/describe.inc';

// SQZ_STUB_FILE: another copy of the stub to check (to see this test fail on a broken one).
$stub = getenv('SQZ_STUB_FILE') ?: dirname(__DIR__, 2) . '/stubs/sqzgraph.php';

// The extension, as this process loaded it.
$ext = new ReflectionExtension('sqzgraph');
$extension = sqz_stub_describe($ext->getClassNames(), array_keys($ext->getFunctions()), $ext->getConstants());
if (count($extension['classes']) < 20) {
    exit('the extension registers only ' . count($extension['classes']) . " classes: nothing to compare\n");
}

// The stub, declared in a php without the extension (-n: no ini file loads it).
$proc = proc_open([PHP_BINARY, '-n', '-d', 'display_errors=stderr', __DIR__ . '/stub_child.inc', $stub],
    [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
fclose($pipes[1]);
fclose($pipes[2]);
$rc = proc_close($proc);
$declared = json_decode($out, true);
if ($rc !== 0 || !is_array($declared)) {
    exit("declaring $stub failed (exit $rc):\n$err$out\n");
}

$diff = sqz_stub_diff($extension, $declared);
foreach ($diff as $line) {
    echo $line, "\n";
}
if ($diff === []) {
    echo "the stub matches the extension\n";
}
?>
--EXPECT--
the stub matches the extension
