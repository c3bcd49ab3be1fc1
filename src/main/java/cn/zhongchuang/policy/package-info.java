/**
 * 政策引擎：把各地众创空间认定办法编码为数据（政策包 YAML），用 CEL 规则逐条判断申报条件、 在孵企业条件和在孵企业退出状态，并给出带条款号与数值的结论。
 * <p>
 * 入口是 {@link cn.zhongchuang.policy.PolicyPacks}（加载并编译政策包）和
 * {@link cn.zhongchuang.policy.PolicyPack}（一个已编译的政策包）。{@code internal} 子包是实现细节。
 */
package cn.zhongchuang.policy;
