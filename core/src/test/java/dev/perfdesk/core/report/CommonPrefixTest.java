package dev.perfdesk.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prefix reports elide from benchmark names ends at a separator and leaves every name something to read. */
class CommonPrefixTest {

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ./parse ; ./print                                                               | ''
            ./target/release/app --fast ; ./target/release/app --slow                       | './target/release/'
            sleep 0.1 ; sleep 0.2                                                           | ''
            python3 run.py --fast ; python3 run.py --slow                                   | ''
            dev.perfdesk.bench.ParseBench.parse ; dev.perfdesk.bench.PrintBench.print | 'dev.perfdesk.bench.'
            dev.perfdesk.bench.Parse.json ; dev.perfdesk.bench.Parse.jsonLarge | 'dev.perfdesk.bench.Parse.'
            dev.perfdesk.bench.Parse.json                                                | 'dev.perfdesk.bench.Parse.'
            BenchmarkParse/size=10-8 ; BenchmarkParse/size=100-8                            | 'BenchmarkParse/'
            BenchmarkDecode-8 ; BenchmarkEncode-8                                           | ''
            BM_Sort/1024 ; BM_Sort/4096                                                     | 'BM_Sort/'
            /data/runs/a.json ; /data/runs/b.json                                           | '/data/runs/'
            ns::Parser::parse ; ns::Parser::print                                           | 'ns::Parser::'
            Suite:parse ; Suite:print                                                       | 'Suite:'
            Page#load ; Page#render                                                         | 'Page#'
            a#b ; a#c                                                                       | ''
            v1.2 ; v1.3                                                                     | ''
            . ; ./4 ; Prefix/. ; Prefix/./3                                                 | ''
            http_req_duration ; http_reqs                                                   | ''
            pkg.Foo ; pkg.Foo.bar                                                           | 'pkg.'
            pkg.Foo. ; pkg.Foo.x                                                            | 'pkg.'
            """)
    void prefixEndsAtASeparatorAndLeavesAName(String names, String prefix) {
        List<String> list = List.of(names.split("\\s*;\\s*"));
        String p = RunComparison.commonPrefix(list);
        assertEquals(prefix, p);
        for (String n : p.isEmpty() ? List.<String>of() : list) {
            String rest = n.substring(p.length());
            assertEquals(true, rest.codePoints().anyMatch(Character::isLetterOrDigit), n + " keeps a name: " + rest);
        }
        assertEquals(true, p.isEmpty() || p.length() >= 3, "never a 1- or 2-character prefix: " + p);
    }
}
