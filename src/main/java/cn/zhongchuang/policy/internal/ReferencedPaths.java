package cn.zhongchuang.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;

/**
 * 表达式引用的事实路径（如 {@code space.leaseEnd}）。CEL-Java 运行时报"缺少字段"时只给出字段名，
 * 用它还原出完整路径，好让详情写明"缺少事实：space.leaseEnd"。
 */
final class ReferencedPaths {

	private ReferencedPaths() {
	}

	static List<String> of(CelAbstractSyntaxTree ast, RuleEnvironment environment) {
		Set<String> paths = new LinkedHashSet<>();
		collect(ast.getExpr(), environment, Set.of(), paths);
		return new ArrayList<>(paths);
	}

	private static void collect(CelExpr expr, RuleEnvironment environment, Set<String> locals, Set<String> paths) {
		switch (expr.getKind()) {
			case IDENT -> {
				if (!locals.contains(expr.ident().name()) && environment.slot(expr.ident().name()) >= 0) {
					paths.add(expr.ident().name());
				}
			}
			case SELECT -> {
				String path = path(expr, environment, locals);
				if (path != null) {
					paths.add(path);
				}
				else if (expr.select().testOnly()) {
					// has(space.focusSegment)：读取的是 space.focusSegment 是否存在
					String operand = path(expr.select().operand(), environment, locals);
					if (operand != null) {
						paths.add(operand + "." + expr.select().field());
					}
				}
				collect(expr.select().operand(), environment, locals, paths);
			}
			case CALL -> {
				expr.call().target().ifPresent((target) -> collect(target, environment, locals, paths));
				expr.call().args().forEach((arg) -> collect(arg, environment, locals, paths));
			}
			case LIST -> expr.list().elements().forEach((element) -> collect(element, environment, locals, paths));
			case MAP -> expr.map().entries().forEach((entry) -> {
				collect(entry.key(), environment, locals, paths);
				collect(entry.value(), environment, locals, paths);
			});
			case COMPREHENSION -> {
				CelExpr.CelComprehension comprehension = expr.comprehension();
				collect(comprehension.iterRange(), environment, locals, paths);
				collect(comprehension.accuInit(), environment, locals, paths);
				Set<String> inner = new LinkedHashSet<>(locals);
				inner.add(comprehension.iterVar());
				inner.add(comprehension.accuVar());
				if (!comprehension.iterVar2().isEmpty()) {
					inner.add(comprehension.iterVar2());
				}
				collect(comprehension.loopCondition(), environment, inner, paths);
				collect(comprehension.loopStep(), environment, inner, paths);
				collect(comprehension.result(), environment, inner, paths);
			}
			default -> {
			}
		}
	}

	private static String path(CelExpr expr, RuleEnvironment environment, Set<String> locals) {
		return switch (expr.getKind()) {
			case IDENT -> (!locals.contains(expr.ident().name()) && environment.slot(expr.ident().name()) >= 0)
					? expr.ident().name() : null;
			case SELECT -> {
				if (expr.select().testOnly()) {
					yield null;
				}
				String operand = path(expr.select().operand(), environment, locals);
				yield (operand != null) ? operand + "." + expr.select().field() : null;
			}
			default -> null;
		};
	}

}
