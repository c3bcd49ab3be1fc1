package cn.zhongchuang.policy.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PolicyPack;
import cn.zhongchuang.policy.PolicyPacks;
import cn.zhongchuang.policy.SpaceFacts;
import cn.zhongchuang.policy.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * 每个随产品发布的政策包，单线程每秒能给出多少个众创空间资格结论（目标：每核 ≥ 100,000 次/秒）。
 * <p>
 * 输入是各政策包的第一个示例（自动条件全部满足，所有条件都要求值并生成详情，是最费时的情形）。 {@code verdict} 从已解析的 {@link SpaceFacts}
 * 开始，是引擎本身的速度；{@code verdictFromJson} 另含事实的校验与转换，相当于接口收到已解析的 JSON 树之后的全部工作。
 * <p>
 * 基准不是单元测试（不在 surefire 的命名规则内）。运行：
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.zhongchuang.policy.bench.SpaceVerdictBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class SpaceVerdictBenchmark {

	@Param({ "beijing-chaoyang-2017", "lanzhou-2018", "liaoning-specialized-2019" })
	public String pack;

	private PolicyPack policy;

	private SpaceFacts facts;

	private JsonNode json;

	@Setup
	public void setUp() {
		this.policy = PolicyPacks.bundled().get(this.pack);
		PackDefinition.Example example = this.policy.definition().examples().get(0);
		this.json = example.facts();
		this.facts = SpaceFacts.from(this.json);
	}

	@Benchmark
	public Verdict verdict() {
		return this.policy.evaluateSpace(this.facts);
	}

	@Benchmark
	public Verdict verdictFromJson() {
		return this.policy.evaluateSpace(this.json);
	}

	/**
	 * 运行本基准；参数同 JMH 命令行（如 {@code -wi 5 -p pack=lanzhou-2018}），省略时按注解的设置运行。
	 * @param args JMH 参数
	 * @throws Exception 运行失败
	 */
	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			new Runner(new OptionsBuilder().include(SpaceVerdictBenchmark.class.getName()).build()).run();
			return;
		}
		String[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = SpaceVerdictBenchmark.class.getName();
		org.openjdk.jmh.Main.main(all);
	}

}
