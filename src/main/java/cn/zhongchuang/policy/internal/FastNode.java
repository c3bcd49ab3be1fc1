package cn.zhongchuang.policy.internal;

/**
 * 快速求值树的一个节点。出错时抛出 {@link RuleError}。
 */
@FunctionalInterface
interface FastNode {

	Object eval(Frame frame);

}
