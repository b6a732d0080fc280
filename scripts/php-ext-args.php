<?php
// Prints, one per line, the run-tests.php arguments that load the shared
// extensions this php loads from its ini files, in the same order, except
// sqzgraph: the tests run with -n (no php.ini), so that a machine where
// sqzgraph is also installed system-wide does not load it twice, and load
// the build under test with -d extension=modules/sqzgraph.so instead.
$dir = (string) ini_get('extension_dir');
echo "-d\nextension_dir=$dir\n";
foreach (get_loaded_extensions(true) as $zend) {
    $file = $zend === 'Zend OPcache' ? 'opcache' : strtolower($zend);
    if (is_file("$dir/$file.so")) {
        echo "-d\nzend_extension=$file\n";
    }
}
foreach (get_loaded_extensions() as $ext) {
    $file = strtolower($ext);
    if ($file !== 'sqzgraph' && is_file("$dir/$file.so")) {
        echo "-d\nextension=$file\n";
    }
}
