<?php
// The -d arguments that load the shared extensions this php loads from its
// ini files, in the same order, except sqzgraph: the tests run with -n (no
// php.ini), so that a machine where sqzgraph is also installed system-wide
// does not load it twice, and load the build under test explicitly. Run
// directly, it prints them one per line (scripts/test.sh, scripts/demo.sh);
// tests/php_child.inc includes it for the child processes of tests.

/** @return list<string> ['-d', 'extension_dir=…', '-d', 'zend_extension=opcache', '-d', 'extension=curl', …] */
function sqz_php_ext_args(): array
{
    $dir = (string) ini_get('extension_dir');
    $args = ['-d', "extension_dir=$dir"];
    foreach (get_loaded_extensions(true) as $zend) {
        $file = $zend === 'Zend OPcache' ? 'opcache' : strtolower($zend);
        if (is_file("$dir/$file.so")) {
            array_push($args, '-d', "zend_extension=$file");
        }
    }
    foreach (get_loaded_extensions() as $ext) {
        $file = strtolower($ext);
        if ($file !== 'sqzgraph' && is_file("$dir/$file.so")) {
            array_push($args, '-d', "extension=$file");
        }
    }
    return $args;
}

if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    echo implode("\n", sqz_php_ext_args()), "\n";
}
