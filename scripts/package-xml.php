<?php
// Keeps package.xml's <contents> equal to the shipped files of the git tree.
//   php scripts/package-xml.php           rewrites package.xml
//   php scripts/package-xml.php --check   fails (exit 1) listing what differs
// Shipped: every tracked file except CI/dev-only ones listed in $skip.
declare(strict_types=1);

$root = dirname(__DIR__);
chdir($root);
$check = in_array('--check', $argv, true);

$skip = ['#^\.ci/#', '#^\.git#', '#^bench/#', '#^examples/#', '#^package\.xml$#', '#^\.clang-format$#'];
$files = [];
exec('git ls-files -z --cached', $out, $rc);
if ($rc !== 0) {
    fwrite(STDERR, "package-xml: git ls-files failed\n");
    exit(2);
}
foreach (explode("\0", implode("\n", $out)) as $f) {
    if ($f === '' || !is_file($f)) {
        continue;
    }
    foreach ($skip as $re) {
        if (preg_match($re, $f)) {
            continue 2;
        }
    }
    $files[] = $f;
}
sort($files);

function role_of(string $f): string
{
    if (str_starts_with($f, 'tests/')) {
        return 'test';
    }
    if ($f === 'scripts/sqzgraph') {
        return 'script';
    }
    if (preg_match('#(^README|^LICENSE|^CHANGELOG|\.md$)#', $f)) {
        return 'doc';
    }
    return 'src';
}

$lines = [];
foreach ($files as $f) {
    $attrs = sprintf('name="%s" role="%s"', htmlspecialchars($f, ENT_XML1), role_of($f));
    $lines[] = "   <file $attrs />";
}
$contents = "  <dir name=\"/\">\n" . implode("\n", $lines) . "\n  </dir>";

$xml = file_get_contents('package.xml');
if ($xml === false || !preg_match('#(<contents>\n)(.*?)(\n </contents>)#s', $xml, $m)) {
    fwrite(STDERR, "package-xml: package.xml has no <contents> block\n");
    exit(2);
}
if ($check) {
    preg_match_all('#<file name="([^"]+)"#', $m[2], $listed);
    $listed = array_map(fn($s) => html_entity_decode($s, ENT_XML1), $listed[1]);
    $missing = array_diff($files, $listed);
    $extra = array_diff($listed, $files);
    foreach ($missing as $f) {
        echo "package.xml does not list $f\n";
    }
    foreach ($extra as $f) {
        echo "package.xml lists $f, which is not in the tree\n";
    }
    if ($missing || $extra) {
        echo "run: php scripts/package-xml.php\n";
        exit(1);
    }
    echo "package.xml check: lists all " . count($files) . " shipped files\n";
    exit(0);
}
$xml = str_replace($m[0], $m[1] . $contents . $m[3], $xml);
$xml = preg_replace('#<date>[^<]*</date>#', '<date>' . gmdate('Y-m-d') . '</date>', $xml);
file_put_contents('package.xml', $xml);
echo "package.xml: " . count($files) . " files\n";
