<?php
// Keeps package.xml true to the tree, from one source for each fact:
//   <contents>              the shipped files of the git tree (every tracked file but dev-only ones)
//   <version>, <date>,      the newest entry of CHANGELOG.md ("## X.Y.Z — YYYY-MM-DD (stability)"),
//   <stability>, <notes>    whose version must equal PHP_SQZGRAPH_VERSION in php_sqzgraph.h
//   <changelog>             every entry of CHANGELOG.md
//   <filelist>              the CLI installed as "sqzgraph" in PEAR's bin_dir
//   php scripts/package-xml.php           rewrites package.xml
//   php scripts/package-xml.php --check   fails (exit 1) listing what differs
declare(strict_types=1);

$root = dirname(__DIR__);
chdir($root);
$check = in_array('--check', $argv, true);

function fail(string $why): never
{
    fwrite(STDERR, "package-xml: $why\n");
    exit(2);
}

// Dev-only: CI, benchmarks, the e2e test's installed node modules.
$skip = ['#^\.ci/#', '#^\.git#', '#^bench/#', '#^package\.xml$#', '#^\.clang-format$#', '#/node_modules/#'];
$files = [];
exec('git ls-files -z --cached', $out, $rc);
if ($rc !== 0) {
    fail('git ls-files failed');
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

const CLI_SOURCE = 'scripts/sqzgraph';

function role_of(string $f): string
{
    if (str_starts_with($f, 'tests/')) {
        return 'test';
    }
    if ($f === CLI_SOURCE) {
        return 'script';
    }
    // What a user reads: installed under PEAR's doc_dir/sqzgraph/.
    if (preg_match('#^(README|LICENSE|CHANGELOG)|^docs/|^stubs/|^examples/|\.md$#', $f)) {
        return 'doc';
    }
    return 'src';
}

// ---- the release facts
$header = file_get_contents('php_sqzgraph.h');
if ($header === false || !preg_match('/#define PHP_SQZGRAPH_VERSION "([^"]+)"/', $header, $hv)) {
    fail('php_sqzgraph.h has no PHP_SQZGRAPH_VERSION');
}
$changelog = file_get_contents('CHANGELOG.md');
if ($changelog === false) {
    fail('CHANGELOG.md is missing');
}
preg_match_all('/^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2}) \((alpha|beta|stable)\)\n(.*?)(?=^## |\z)/msu', $changelog, $entries, PREG_SET_ORDER);
if (!$entries) {
    fail('CHANGELOG.md has no "## X.Y.Z — YYYY-MM-DD (alpha|beta|stable)" entry');
}
$releases = array_map(fn($e) => ['version' => $e[1], 'date' => $e[2], 'stability' => $e[3], 'notes' => trim($e[4])], $entries);
$newest = $releases[0];
if ($newest['version'] !== $hv[1]) {
    echo "php_sqzgraph.h says version {$hv[1]}, the newest CHANGELOG.md entry says {$newest['version']}: "
        . "give the release an entry in CHANGELOG.md (or set PHP_SQZGRAPH_VERSION)\n";
    exit(1);
}

function xml(string $s): string
{
    return htmlspecialchars($s, ENT_XML1 | ENT_NOQUOTES, 'UTF-8');
}

function notes_xml(string $notes, string $indent): string
{
    $lines = array_map(fn($l) => $l === '' ? '' : $indent . $l, explode("\n", xml($notes)));
    return "\n" . implode("\n", $lines) . "\n" . substr($indent, 1);
}

$lines = [];
foreach ($files as $f) {
    $lines[] = sprintf('   <file name="%s" role="%s" />', htmlspecialchars($f, ENT_XML1), role_of($f));
}
$generated = [
    'contents' => "<contents>\n  <dir name=\"/\">\n" . implode("\n", $lines) . "\n  </dir>\n </contents>",
    'date' => "<date>{$newest['date']}</date>",
    'version' => "<version>\n  <release>{$newest['version']}</release>\n  <api>{$newest['version']}</api>\n </version>",
    'stability' => "<stability>\n  <release>{$newest['stability']}</release>\n  <api>{$newest['stability']}</api>\n </stability>",
    'notes' => '<notes>' . notes_xml($newest['notes'], '  ') . '</notes>',
];
$log = [];
foreach ($releases as $r) {
    $log[] = "  <release>\n"
        . "   <version>\n    <release>{$r['version']}</release>\n    <api>{$r['version']}</api>\n   </version>\n"
        . "   <stability>\n    <release>{$r['stability']}</release>\n    <api>{$r['stability']}</api>\n   </stability>\n"
        . "   <date>{$r['date']}</date>\n"
        . "   <license uri=\"https://www.php.net/license/3_01.txt\">PHP-3.01</license>\n"
        . '   <notes>' . notes_xml($r['notes'], '    ') . "</notes>\n"
        . "  </release>";
}
$generated['changelog'] = "<changelog>\n" . implode("\n", $log) . "\n </changelog>";
// pecl would install a role="script" file as bin_dir/scripts/sqzgraph.
$generated['extsrcrelease'] = "<extsrcrelease>\n"
    . "  <configureoption name=\"with-sqzgraph\" default=\"yes\" prompt=\"enable sqzgraph support?\" />\n"
    . "  <filelist>\n   <install as=\"sqzgraph\" name=\"" . CLI_SOURCE . "\" />\n  </filelist>\n"
    . " </extsrcrelease>";

$xml = file_get_contents('package.xml');
if ($xml === false) {
    fail('package.xml is missing');
}
$new = $xml;
foreach ($generated as $tag => $text) {
    $re = '#<' . $tag . '>.*?</' . $tag . '>#s';
    if (preg_match($re, $new)) {
        $new = preg_replace_callback($re, fn() => $text, $new, 1);
    } elseif ($tag === 'changelog') {
        $new = str_replace("\n</package>", "\n $text\n</package>", $new);
    } else {
        fail("package.xml has no <$tag> element");
    }
}

if ($check) {
    if ($new === $xml) {
        echo "package.xml check: version {$newest['version']}, " . count($files) . " shipped files, "
            . count($releases) . " change log entries\n";
        exit(0);
    }
    preg_match('#<contents>.*?</contents>#s', $xml, $m);
    preg_match_all('#<file name="([^"]+)"#', $m[0] ?? '', $listed);
    $listed = array_map(fn($s) => html_entity_decode($s, ENT_XML1), $listed[1]);
    foreach (array_diff($files, $listed) as $f) {
        echo "package.xml does not list $f\n";
    }
    foreach (array_diff($listed, $files) as $f) {
        echo "package.xml lists $f, which is not in the tree\n";
    }
    foreach ($generated as $tag => $text) {
        if (!str_contains($xml, $text) && $tag !== 'contents') {
            echo "package.xml's <$tag> differs from what php_sqzgraph.h and CHANGELOG.md say\n";
        }
    }
    echo "run: php scripts/package-xml.php\n";
    exit(1);
}
file_put_contents('package.xml', $new);
echo "package.xml: version {$newest['version']}, " . count($files) . " files\n";
