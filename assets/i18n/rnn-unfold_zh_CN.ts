<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Background</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
    </context>
    <context>
        <name>CellEquation</name>
        <message>
            <source>Who taught whom: one cell</source>
            <translation>谁教了谁：一个单元格</translation>
        </message>
        <message>
            <source>τ: the error that entered at step t = {t}; c: the copy at step {c}.</source>
            <translation>τ：在时间步 t = {t} 进入的误差；c：时间步 {c} 处的副本。</translation>
        </message>
        <message>
            <source>This error never reached this copy: the cell is zero.</source>
            <translation>这个误差从未到达这个副本：该单元格为零。</translation>
        </message>
        <message>
            <source>Sample l = {l}:</source>
            <translation>样本 l = {l}：</translation>
        </message>
        <message>
            <source>Of this error's whole change ‖Σ&lt;sub&gt;c&lt;/sub&gt; C(τ, c)‖ = {row}, and of the update's ‖Δ{p}‖/η = {total}.</source>
            <translation>占这个误差的全部变化 ‖Σ&lt;sub&gt;c&lt;/sub&gt; C(τ, c)‖ = {row}，以及这次更新的 ‖Δ{p}‖/η = {total}。</translation>
        </message>
    </context>
    <context>
        <name>Context Menu</name>
        <message>
            <source>Set Color</source>
            <translation>设置颜色</translation>
        </message>
    </context>
    <context>
        <name>Controls</name>
        <message>
            <source>Step &amp;back</source>
            <translation>后退一步(&amp;B)</translation>
        </message>
        <message>
            <source>Back one micro-step within the current update (the pass is computed: nothing is lost)</source>
            <translation>在当前更新内后退一个微步（这次传播已经算好：不会丢失任何内容）</translation>
        </message>
        <message>
            <source>&amp;Step</source>
            <translation>单步(&amp;S)</translation>
        </message>
        <message>
            <source>One micro-step: reveal the next s(t), y(t), δ or fold-back term</source>
            <translation>一个微步：显示下一个 s(t)、y(t)、δ 或权重折叠项</translation>
        </message>
        <message>
            <source>Next &amp;phase</source>
            <translation>下一阶段(&amp;P)</translation>
        </message>
        <message>
            <source>Jump to the end of the phase in progress: forward pass → output error δ_k → BPTT δ_j(t−z) → fold-back ΔV ΔU ΔW → update</source>
            <translation>跳到当前阶段的末尾：前向传播 → 输出误差 δ_k → BPTT δ_j(t−z) → 权重折叠 ΔV ΔU ΔW → 更新</translation>
        </message>
        <message>
            <source>Next &amp;update</source>
            <translation>下一次更新(&amp;U)</translation>
        </message>
        <message>
            <source>Finish this update: the weights change and the cost is recorded</source>
            <translation>完成这次更新：权重改变，并记录代价</translation>
        </message>
        <message>
            <source>&amp;Play</source>
            <translation>播放(&amp;P)</translation>
        </message>
        <message>
            <source>Play / pause at the chosen speed</source>
            <translation>以所选速度播放 / 暂停</translation>
        </message>
        <message>
            <source>&amp;Reset</source>
            <translation>重置(&amp;R)</translation>
        </message>
        <message>
            <source>Start again from the current settings (same seed, same run)</source>
            <translation>按当前设置重新开始（相同的种子，相同的运行）</translation>
        </message>
        <message>
            <source>&amp;Export frames…</source>
            <translation>导出帧(&amp;E)…</translation>
        </message>
        <message>
            <source>Export what the view shows as PNG frames, a GIF or a video</source>
            <translation>把视图显示的内容导出为 PNG 帧、GIF 或视频</translation>
        </message>
        <message>
            <source>Slo&amp;wer</source>
            <translation>减慢(&amp;W)</translation>
        </message>
        <message>
            <source>Play slower</source>
            <translation>播放减慢</translation>
        </message>
        <message>
            <source>&amp;Faster</source>
            <translation>加快(&amp;F)</translation>
        </message>
        <message>
            <source>Play faster</source>
            <translation>播放加快</translation>
        </message>
    </context>
    <context>
        <name>CostPlot</name>
        <message>
            <source>log scale</source>
            <translation>对数刻度</translation>
        </message>
        <message>
            <source>Show the cost on a logarithmic axis (the late, small costs become visible)</source>
            <translation>在对数坐标轴上显示代价（后期较小的代价也能看清）</translation>
        </message>
        <message>
            <source>updates</source>
            <translation>更新次数</translation>
        </message>
        <message>
            <source>cost</source>
            <translation>代价</translation>
        </message>
        <message>
            <source>Cost per scored output vector (the sum C divided by the scored steps and samples), plotted at the number of updates the weights had when it was measured: grey over each update's window, measured before that update; blue over the whole training sequence once per pass; orange on held-out sequences</source>
            <translation>每个计分输出向量的代价（总和 C 除以计分的步数与样本数），画在测量时权重已经历的更新次数处：灰色为每次更新的窗口，在该次更新之前测量；蓝色为整个训练序列，每次传播一次；橙色为留出序列</translation>
        </message>
        <message>
            <source>each update's window, before it</source>
            <translation>每次更新的窗口（更新前）</translation>
        </message>
        <message>
            <source>whole training sequence</source>
            <translation>整个训练序列</translation>
        </message>
        <message>
            <source>held-out sequences</source>
            <translation>留出序列</translation>
        </message>
        <message numerus="yes">
            <source>%n update(s)</source>
            <translation>
                <numerusform>%n 次更新</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n pass(es)</source>
            <translation>
                <numerusform>%n 次传播</numerusform>
            </translation>
        </message>
        <message>
            <source>held-out {cost}</source>
            <translation>留出集 {cost}</translation>
        </message>
        <message>
            <source>floor {cost}</source>
            <translation>下限 {cost}</translation>
        </message>
    </context>
    <context>
        <name>CsvDialog</name>
        <message>
            <source>Load CSV data: {name}</source>
            <translation>载入 CSV 数据：{name}</translation>
        </message>
        <message>
            <source>{rows} rows, {cols} columns, {blocks} block(s) between blank lines. Targets are compared with the outputs of the same row.</source>
            <translation>{rows} 行，{cols} 列，空行之间有 {blocks} 块。目标与同一行的输出进行比较。</translation>
        </message>
        <message>
            <source>Inputs x(t)</source>
            <translation>输入 x(t)</translation>
        </message>
        <message>
            <source>Targets d(t)</source>
            <translation>目标 d(t)</translation>
        </message>
        <message>
            <source>blank lines</source>
            <translation>空行</translation>
        </message>
        <message>
            <source>a sequence-id column</source>
            <translation>序列编号列</translation>
        </message>
        <message>
            <source>a fixed length</source>
            <translation>固定长度</translation>
        </message>
        <message>
            <source>Sequences separated by</source>
            <translation>序列分隔方式</translation>
        </message>
        <message>
            <source>Sequence-id column</source>
            <translation>序列编号列</translation>
        </message>
        <message>
            <source>Steps per sequence</source>
            <translation>每个序列的时间步数</translation>
        </message>
        <message>
            <source>check at least one input column</source>
            <translation>请至少勾选一个输入列</translation>
        </message>
        <message>
            <source>check at least one target column</source>
            <translation>请至少勾选一个目标列</translation>
        </message>
        <message>
            <source>Building the sequences…</source>
            <translation>正在构建序列…</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
    </context>
    <context>
        <name>ErrorHook</name>
        <message>
            <source>Unexpected error (logged to {path}): {summary}</source>
            <translation>意外错误（已记录到 {path}）：{summary}</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <source>Something went wrong inside rnn-unfold. The program goes on; if what you see looks wrong, press Reset or open a saved workspace.</source>
            <translation>rnn-unfold 内部出了问题。程序会继续运行；如果看到的内容不对，请按“重置”或打开一个已保存的工作区。</translation>
        </message>
        <message>
            <source>{summary}

The details were written to:
{path}</source>
            <translation>{summary}

详细信息已写入：
{path}</translation>
        </message>
    </context>
    <context>
        <name>Explain</name>
        <message>
            <source>identity</source>
            <translation>恒等</translation>
        </message>
        <message>
            <source>1 if net &amp;gt; 0 else 0</source>
            <translation>net &amp;gt; 0 时为 1，否则为 0</translation>
        </message>
        <message>
            <source>signal x·w</source>
            <translation>信号 x·w</translation>
        </message>
        <message>
            <source>error δ·w</source>
            <translation>误差 δ·w</translation>
        </message>
        <message>
            <source>share δ·input</source>
            <translation>份额 δ·输入</translation>
        </message>
        <message>
            <source>weight w</source>
            <translation>权重 w</translation>
        </message>
        <message>
            <source>1 if s &gt; 0 else 0</source>
            <translation>s &gt; 0 时为 1，否则为 0</translation>
        </message>
        <message>
            <source>during this pass</source>
            <translation>在这次传播中</translation>
        </message>
        <message>
            <source>from</source>
            <translation>来自</translation>
        </message>
        <message>
            <source>hidden</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>now</source>
            <translation>当前</translation>
        </message>
        <message>
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>sample</source>
            <translation>样本</translation>
        </message>
        <message>
            <source>shown</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>target</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>h counts the copies an error flows through, the one where it enters included, so the source's sums Σ_{z=0}^{T} run over h = T + 1 copies.</source>
            <translation>h 是误差流经的副本数，误差进入的那个副本也算在内，所以原文的求和 Σ_{z=0}^{T} 遍历 h = T + 1 个副本。</translation>
        </message>
        <message>
            <source>&lt;b&gt;h&lt;/b&gt; counts the copies an error flows through, the one where it enters included, so the source's sums Σ&lt;sub&gt;z=0&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt; run over h = T + 1 copies.</source>
            <translation>&lt;b&gt;h&lt;/b&gt; 是误差流经的副本数，误差进入的那个副本也算在内，所以原文的求和 Σ&lt;sub&gt;z=0&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt; 遍历 h = T + 1 个副本。</translation>
        </message>
        <message>
            <source>+ {n} more term</source>
            <translation>另有 {n} 项</translation>
        </message>
        <message>
            <source>+ {n} more terms</source>
            <translation>另有 {n} 项</translation>
        </message>
        <message>
            <source>error {delta}</source>
            <translation>误差 {delta}</translation>
        </message>
        <message>
            <source>copy {when}: step {step} of the sequence, z = {z} (t = step {last}, the window's last copy); sample l = {l}</source>
            <translation>副本 {when}：序列的第 {step} 步，z = {z}（t = 第 {last} 步，窗口的最后一个副本）；样本 l = {l}</translation>
        </message>
        <message>
            <source>(1 if {v} &amp;gt; 0 else 0)</source>
            <translation>（{v} &amp;gt; 0 时为 1，否则为 0）</translation>
        </message>
        <message>
            <source>✓ the same number</source>
            <translation>✓ 数值相同</translation>
        </message>
        <message>
            <source>✗ they differ</source>
            <translation>✗ 两者不同</translation>
        </message>
        <message>
            <source>written with s, as Bodén does (f′({s})): {slope} = {expr} = {value} &amp;nbsp;{agree}</source>
            <translation>像 Bodén 那样用 s 表示（f′({s})）：{slope} = {expr} = {value} &amp;nbsp;{agree}</translation>
        </message>
        <message>
            <source>The slope is taken at net and expressed with s = f(net). Putting s into the formula as if it were net, {wrong} = {value}, would be wrong.</source>
            <translation>斜率在 net 处取值，再用 s = f(net) 表示。若把 s 当作 net 代入公式，得到 {wrong} = {value}，那是错的。</translation>
        </message>
        <message>
            <source>not computed yet: step the forward pass to this copy.</source>
            <translation>尚未计算：把前向传播单步推进到这个副本。</translation>
        </message>
        <message>
            <source>not computed yet: step BPTT back to this copy.</source>
            <translation>尚未计算：把 BPTT 单步退回到这个副本。</translation>
        </message>
        <message>
            <source>no error reaches this copy in this window.</source>
            <translation>在这个窗口中没有误差到达这个副本。</translation>
        </message>
        <message>
            <source>The error enters here from the output and also arrives from copy {copy}.</source>
            <translation>误差从输出进入这里，同时也从副本 {copy} 传来。</translation>
        </message>
        <message>
            <source>The error enters here, from the output layer: δ&lt;sub&gt;j&lt;/sub&gt;(t) = f′(net&lt;sub&gt;j&lt;/sub&gt;(t)) Σ&lt;sub&gt;k&lt;/sub&gt; δ&lt;sub&gt;k&lt;/sub&gt;(t) w&lt;sub&gt;kj&lt;/sub&gt;.</source>
            <translation>误差从这里进入，来自输出层：δ&lt;sub&gt;j&lt;/sub&gt;(t) = f′(net&lt;sub&gt;j&lt;/sub&gt;(t)) Σ&lt;sub&gt;k&lt;/sub&gt; δ&lt;sub&gt;k&lt;/sub&gt;(t) w&lt;sub&gt;kj&lt;/sub&gt;。</translation>
        </message>
        <message>
            <source>Through time, one copy back: δ&lt;sub&gt;j&lt;/sub&gt;(t−1) = f′(net&lt;sub&gt;j&lt;/sub&gt;(t−1)) Σ&lt;sub&gt;h&lt;/sub&gt; δ&lt;sub&gt;h&lt;/sub&gt;(t) u&lt;sub&gt;hj&lt;/sub&gt;.</source>
            <translation>随时间往回一个副本：δ&lt;sub&gt;j&lt;/sub&gt;(t−1) = f′(net&lt;sub&gt;j&lt;/sub&gt;(t−1)) Σ&lt;sub&gt;h&lt;/sub&gt; δ&lt;sub&gt;h&lt;/sub&gt;(t) u&lt;sub&gt;hj&lt;/sub&gt;。</translation>
        </message>
        <message>
            <source>no target at this step (the task's mask): no error enters here.</source>
            <translation>这一步没有目标（任务的掩码）：没有误差从这里进入。</translation>
        </message>
        <message>
            <source>not computed yet: step to the output errors.</source>
            <translation>尚未计算：单步推进到输出误差。</translation>
        </message>
        <message>
            <source>sample l = {l} has no target at this step.</source>
            <translation>样本 l = {l} 在这一步没有目标。</translation>
        </message>
        <message>
            <source>softmax + cross-entropy</source>
            <translation>softmax + 交叉熵</translation>
        </message>
        <message>
            <source>sigmoid + binary cross-entropy</source>
            <translation>sigmoid + 二元交叉熵</translation>
        </message>
        <message>
            <source>linear + SSE</source>
            <translation>linear + SSE</translation>
        </message>
        <message>
            <source>{pair} is a matched pair: δ&lt;sub&gt;k&lt;/sub&gt; = d&lt;sub&gt;k&lt;/sub&gt; − y&lt;sub&gt;k&lt;/sub&gt; exactly, with no g′ factor.</source>
            <translation>{pair} 是匹配的一对：δ&lt;sub&gt;k&lt;/sub&gt; 恰好等于 d&lt;sub&gt;k&lt;/sub&gt; − y&lt;sub&gt;k&lt;/sub&gt;，没有 g′ 因子。</translation>
        </message>
        <message>
            <source>SSE with a sigmoid output: the slope g′ = y(1 − y) stays in.</source>
            <translation>SSE 配 sigmoid 输出：斜率 g′ = y(1 − y) 保留。</translation>
        </message>
        <message>
            <source>SSE with softmax needs the full Jacobian of softmax; the source text's diagonal y&lt;sub&gt;k&lt;/sub&gt;(1 − y&lt;sub&gt;k&lt;/sub&gt;) is wrong here.</source>
            <translation>SSE 配 softmax 需要 softmax 的完整雅可比矩阵；原文的对角项 y&lt;sub&gt;k&lt;/sub&gt;(1 − y&lt;sub&gt;k&lt;/sub&gt;) 在这里是错的。</translation>
        </message>
        <message>
            <source>no copy here</source>
            <translation>这里没有副本</translation>
        </message>
        <message>
            <source>This column holds no copy in the current window (the window is still filling up).</source>
            <translation>在当前窗口中这一列没有副本（窗口尚未填满）。</translation>
        </message>
        <message>
            <source>input {x}</source>
            <translation>输入 {x}</translation>
        </message>
        <message>
            <source>It feeds every hidden unit j through v&lt;sub&gt;j{i}&lt;/sub&gt;: net&lt;sub&gt;j&lt;/sub&gt; gets x&lt;sub&gt;{i}&lt;/sub&gt; v&lt;sub&gt;j{i}&lt;/sub&gt;. Input units carry no δ.</source>
            <translation>它通过 v&lt;sub&gt;j{i}&lt;/sub&gt; 馈入每个隐藏单元 j：net&lt;sub&gt;j&lt;/sub&gt; 得到 x&lt;sub&gt;{i}&lt;/sub&gt; v&lt;sub&gt;j{i}&lt;/sub&gt;。输入单元没有 δ。</translation>
        </message>
        <message>
            <source>{s} entering the window: {state}</source>
            <translation>进入窗口的 {s}：{state}</translation>
        </message>
        <message>
            <source>Held constant: no error flows into it (PyTorch's .detach()). It is s(0) at the sequence start, else the state the running network reached.</source>
            <translation>保持为常量：没有误差流入（相当于 PyTorch 的 .detach()）。在序列开头它是 s(0)，否则是运行中的网络到达的状态。</translation>
        </message>
        <message>
            <source>hidden unit {s}</source>
            <translation>隐藏单元 {s}</translation>
        </message>
        <message>
            <source>forward</source>
            <translation>前向传播</translation>
        </message>
        <message>
            <source>output unit {y}</source>
            <translation>输出单元 {y}</translation>
        </message>
        <message>
            <source>Cost: SSE, C = ½ Σ&lt;sub&gt;l&lt;/sub&gt; Σ&lt;sub&gt;t&lt;/sub&gt; Σ&lt;sub&gt;k&lt;/sub&gt; (d&lt;sub&gt;k&lt;/sub&gt; − y&lt;sub&gt;k&lt;/sub&gt;)².</source>
            <translation>代价：SSE，C = ½ Σ&lt;sub&gt;l&lt;/sub&gt; Σ&lt;sub&gt;t&lt;/sub&gt; Σ&lt;sub&gt;k&lt;/sub&gt; (d&lt;sub&gt;k&lt;/sub&gt; − y&lt;sub&gt;k&lt;/sub&gt;)²。</translation>
        </message>
        <message>
            <source>Cost: cross-entropy, C = −Σ&lt;sub&gt;l&lt;/sub&gt; Σ&lt;sub&gt;t&lt;/sub&gt; Σ&lt;sub&gt;k&lt;/sub&gt; d&lt;sub&gt;k&lt;/sub&gt; ln y&lt;sub&gt;k&lt;/sub&gt;.</source>
            <translation>代价：交叉熵，C = −Σ&lt;sub&gt;l&lt;/sub&gt; Σ&lt;sub&gt;t&lt;/sub&gt; Σ&lt;sub&gt;k&lt;/sub&gt; d&lt;sub&gt;k&lt;/sub&gt; ln y&lt;sub&gt;k&lt;/sub&gt;。</translation>
        </message>
        <message>
            <source>Cost: binary cross-entropy, C = −Σ [d ln y + (1 − d) ln(1 − y)].</source>
            <translation>代价：二元交叉熵，C = −Σ [d ln y + (1 − d) ln(1 − y)]。</translation>
        </message>
        <message>
            <source>(summed over the steps where error entered)</source>
            <translation>（对误差进入的各时间步求和）</translation>
        </message>
        <message>
            <source>{n} nonzero terms over {copies} copies × {samples} samples ({skipped} are 0: no error reached them).</source>
            <translation>{copies} 个副本 × {samples} 个样本中有 {n} 个非零项（{skipped} 个为 0：没有误差到达）。</translation>
        </message>
        <message>
            <source>The gradient norm was clipped: the change applied is {value}.</source>
            <translation>梯度范数被裁剪了：实际应用的变化是 {value}。</translation>
        </message>
        <message>
            <source> before the update, {value} after it</source>
            <translation>（更新前），更新后为 {value}</translation>
        </message>
        <message>
            <source>weight {w} &amp;nbsp;({m}[{r}, {c}], shared by every copy)</source>
            <translation>权重 {w} &amp;nbsp;（{m}[{r}, {c}]，所有副本共享）</translation>
        </message>
        <message>
            <source>fold-back: the change Δ{w}</source>
            <translation>权重折叠：变化量 Δ{w}</translation>
        </message>
        <message>
            <source>update: {w} ← {w} + Δ{w}; </source>
            <translation>更新：{w} ← {w} + Δ{w}；</translation>
        </message>
        <message>
            <source>along this edge in copy {copy}</source>
            <translation>副本 {copy} 中沿这条边</translation>
        </message>
        <message>
            <source>signal: {terms}</source>
            <translation>信号：{terms}</translation>
        </message>
        <message>
            <source>(one term of net&lt;sub&gt;{r}&lt;/sub&gt;)</source>
            <translation>（net&lt;sub&gt;{r}&lt;/sub&gt; 中的一项）</translation>
        </message>
        <message>
            <source>error sent back: {terms}</source>
            <translation>传回的误差：{terms}</translation>
        </message>
        <message>
            <source>(one term of Σ&lt;sub&gt;j&lt;/sub&gt; δ&lt;sub&gt;j&lt;/sub&gt;({t}) u&lt;sub&gt;j{c}&lt;/sub&gt; in δ&lt;sub&gt;{c}&lt;/sub&gt;({tp}))</source>
            <translation>（δ&lt;sub&gt;{c}&lt;/sub&gt;({tp}) 中 Σ&lt;sub&gt;j&lt;/sub&gt; δ&lt;sub&gt;j&lt;/sub&gt;({t}) u&lt;sub&gt;j{c}&lt;/sub&gt; 的一项）</translation>
        </message>
        <message>
            <source>(folded into the sum)</source>
            <translation>（已折叠进总和）</translation>
        </message>
        <message>
            <source>(not folded yet)</source>
            <translation>（尚未折叠）</translation>
        </message>
        <message>
            <source>this copy's share: {terms}</source>
            <translation>这个副本的份额：{terms}</translation>
        </message>
        <message>
            <source>nothing has passed along this edge yet.</source>
            <translation>这条边上还没有任何流动。</translation>
        </message>
        <message>
            <source>column {c}: outside the current window</source>
            <translation>第 {c} 列：在当前窗口之外</translation>
        </message>
        <message>
            <source>the state entering the window (a constant: no error flows further back)</source>
            <translation>进入窗口的状态（一个常量：误差不再继续往回流）</translation>
        </message>
        <message>
            <source>δ not computed yet at this micro-step</source>
            <translation>在这个微步，δ 尚未计算</translation>
        </message>
        <message>
            <source>not computed yet at this micro-step</source>
            <translation>在这个微步尚未计算</translation>
        </message>
        <message>
            <source>no target at this step: no error enters here</source>
            <translation>这一步没有目标：没有误差从这里进入</translation>
        </message>
        <message>
            <source>input → hidden</source>
            <translation>输入 → 隐藏</translation>
        </message>
        <message>
            <source>previous hidden → hidden</source>
            <translation>上一隐藏 → 隐藏</translation>
        </message>
        <message>
            <source>hidden → output</source>
            <translation>隐藏 → 输出</translation>
        </message>
        <message>
            <source>change −η ∂C/∂w</source>
            <translation>变化 −η ∂C/∂w</translation>
        </message>
        <message>
            <source>η × share (this copy's part of Δw)</source>
            <translation>η × 份额（这个副本在 Δw 中的部分）</translation>
        </message>
        <message>
            <source>nothing flows along this edge at this micro-step</source>
            <translation>在这个微步，这条边上没有流动</translation>
        </message>
        <message>
            <source>update {n}</source>
            <translation>更新 {n}</translation>
        </message>
        <message>
            <source>phase: {phase}</source>
            <translation>阶段：{phase}</translation>
        </message>
        <message>
            <source>step {i}/{n}</source>
            <translation>步 {i}/{n}</translation>
        </message>
        <message>
            <source>training cost {value}</source>
            <translation>训练代价 {value}</translation>
        </message>
        <message>
            <source>cost {value}</source>
            <translation>代价 {value}</translation>
        </message>
        <message>
            <source>{task}: {scheme}, sample l = {l}</source>
            <translation>{task}：{scheme}，样本 l = {l}</translation>
        </message>
        <message>
            <source>; δ of the error at t = {t} alone</source>
            <translation>；仅 t = {t} 处误差的 δ</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>the micro-steps of the current update</source>
            <translation>当前更新的各个微步</translation>
        </message>
        <message>
            <source>to the end of the K-th update (the one in progress is the first)</source>
            <translation>到第 K 次更新结束（正在进行的那次算第一次）</translation>
        </message>
        <message>
            <source>everything from now until stopped</source>
            <translation>从现在起直到停止的全部内容</translation>
        </message>
        <message>
            <source>every micro-step</source>
            <translation>每个微步</translation>
        </message>
        <message>
            <source>every phase</source>
            <translation>每个阶段</translation>
        </message>
        <message>
            <source>every update</source>
            <translation>每次更新</translation>
        </message>
        <message>
            <source>PNG sequence (frame_00001.png, …)</source>
            <translation>PNG 序列（frame_00001.png, …）</translation>
        </message>
        <message>
            <source>GIF (looping)</source>
            <translation>GIF（循环播放）</translation>
        </message>
        <message>
            <source>MP4 (H.264)</source>
            <translation>MP4（H.264）</translation>
        </message>
        <message>
            <source>MP4 needs the video extra: {hint}</source>
            <translation>MP4 需要 video 可选依赖：{hint}</translation>
        </message>
        <message>
            <source>Export frames</source>
            <translation>导出帧</translation>
        </message>
        <message>
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>How often</source>
            <translation>频率</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source> frames/s</source>
            <translation> 帧/秒</translation>
        </message>
        <message>
            <source>Playback speed of the GIF or MP4 (a GIF frame lasts a multiple of 10 ms)</source>
            <translation>GIF 或 MP4 的播放速度（GIF 的每帧时长是 10 毫秒的整数倍）</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>include the cost plot</source>
            <translation>包含代价曲线</translation>
        </message>
        <message>
            <source>include the caption (task, update, phase, t, z, cost)</source>
            <translation>包含说明文字（任务、更新、阶段、t、z、代价）</translation>
        </message>
        <message>
            <source>include the fold-back panel</source>
            <translation>包含权重折叠面板</translation>
        </message>
        <message>
            <source>Draw the fold-back panel under the network: each copy's contribution to ΔV, ΔU, ΔW, their running sum and the weights before and after the update</source>
            <translation>在网络下方绘制权重折叠面板：每个副本对 ΔV、ΔU、ΔW 的贡献、它们的累计和，以及更新前后的权重</translation>
        </message>
        <message>
            <source>include the vanishing-gradient panel</source>
            <translation>包含梯度消失面板</translation>
        </message>
        <message>
            <source>Draw the vanishing / exploding panel: ‖δ(t−z)‖ against z with its bound, and its history over the exported updates</source>
            <translation>绘制梯度消失 / 爆炸面板：‖δ(t−z)‖ 随 z 的变化及其上界，以及在导出的各次更新中的历史</translation>
        </message>
        <message>
            <source>include the who-taught-whom panel</source>
            <translation>包含“谁教了谁”面板</translation>
        </message>
        <message>
            <source>Draw A[τ, c] = ‖C_U(τ, c)‖: which error (row τ) changed U through which copy (column c), with what truncation cut and the scheme-vs-full history</source>
            <translation>绘制 A[τ, c] = ‖C_U(τ, c)‖：哪个误差（行 τ）通过哪个副本（列 c）改变了 U，以及截断去掉的部分和方案与完整 BPTT 的对比历史</translation>
        </message>
        <message>
            <source>include the why-δ-vanishes panel</source>
            <translation>包含“δ 为何消失”面板</translation>
        </message>
        <message>
            <source>Draw the U factor and the f′ factor of each step back beside the measured ‖δ(c−1)‖/‖δ(c)‖, and the saturated units per copy</source>
            <translation>绘制每向后一步的 U 因子和 f′ 因子及实测的 ‖δ(c−1)‖/‖δ(c)‖，以及每个副本中饱和的单元数</translation>
        </message>
        <message>
            <source>include the prediction strip</source>
            <translation>包含预测条</translation>
        </message>
        <message>
            <source>Draw under the network, per step, the input, the target and the predicted symbol with its probability, right or wrong</source>
            <translation>在网络下方逐步绘制输入、目标和预测符号及其概率，并标出对错</translation>
        </message>
        <message>
            <source>every error</source>
            <translation>所有误差</translation>
        </message>
        <message>
            <source>The one-error-source view: draw the hidden δ of the error entering at this copy of the update's window alone (0 = the window's first copy)</source>
            <translation>单一误差来源视图：只绘制在本次更新窗口的这个副本处进入的误差所产生的隐藏层 δ（0 = 窗口的第一个副本）</translation>
        </message>
        <message>
            <source>One error source τ</source>
            <translation>单一误差来源 τ</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>The export replays a copy of the session: the window stays where it is.</source>
            <translation>导出会重放会话的一个副本：窗口保持原状。</translation>
        </message>
        <message>
            <source>writes frames until you press Stop</source>
            <translation>持续写入帧，直到按下“停止”</translation>
        </message>
        <message numerus="yes">
            <source>writes more than %n frame(s)</source>
            <translation>
                <numerusform>写入超过 %n 帧</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>writes %n frame(s), the first the state shown now</source>
            <translation>
                <numerusform>写入 %n 帧，第一帧是当前显示的状态</numerusform>
            </translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Folder for the PNG frames</source>
            <translation>存放 PNG 帧的文件夹</translation>
        </message>
        <message>
            <source>GIF image (*.gif)</source>
            <translation>GIF 图像 (*.gif)</translation>
        </message>
        <message>
            <source>MP4 video (*.mp4)</source>
            <translation>MP4 视频 (*.mp4)</translation>
        </message>
        <message>
            <source>Save the {format}</source>
            <translation>保存 {format}</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>正在导出</translation>
        </message>
        <message>
            <source>Rendering frames…</source>
            <translation>正在渲染帧…</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>frame {done}/{total}</source>
            <translation>帧 {done}/{total}</translation>
        </message>
        <message>
            <source>frame {done}</source>
            <translation>帧 {done}</translation>
        </message>
        <message>
            <source>Export failed after {n} frames: {error}</source>
            <translation>导出在 {n} 帧之后失败：{error}</translation>
        </message>
        <message>
            <source>Cancelled: {n} PNG frames kept in {where}</source>
            <translation>已取消：{n} 个 PNG 帧保留在 {where}</translation>
        </message>
        <message>
            <source>Cancelled: nothing was written</source>
            <translation>已取消：没有写入任何内容</translation>
        </message>
        <message>
            <source>Exported {n} frames to {where}</source>
            <translation>已导出 {n} 帧到 {where}</translation>
        </message>
        <message>
            <source>(stopped early: {why})</source>
            <translation>（提前停止：{why}）</translation>
        </message>
    </context>
    <context>
        <name>Exporter</name>
        <message>
            <source>width</source>
            <translation>宽度</translation>
        </message>
        <message>
            <source>height</source>
            <translation>高度</translation>
        </message>
        <message>
            <source>antialias</source>
            <translation>抗锯齿</translation>
        </message>
        <message>
            <source>background</source>
            <translation>背景</translation>
        </message>
        <message>
            <source>invertValue</source>
            <translation>反转数值</translation>
        </message>
        <message>
            <source>scaling stroke</source>
            <translation>缩放线宽</translation>
        </message>
        <message>
            <source>Scalable Vector Graphics</source>
            <translation>可缩放矢量图形</translation>
        </message>
        <message>
            <source>separator</source>
            <translation>分隔符</translation>
        </message>
        <message>
            <source>precision</source>
            <translation>精度</translation>
        </message>
        <message>
            <source>columnMode</source>
            <translation>列模式</translation>
        </message>
        <message>
            <source>Print Document</source>
            <translation>打印文档</translation>
        </message>
        <message>
            <source>Image File (PNG, TIF, JPG, ...)</source>
            <translation>图像文件（PNG、TIF、JPG 等）</translation>
        </message>
        <message>
            <source>CSV of original plot data</source>
            <translation>原始绘图数据的 CSV</translation>
        </message>
        <message>
            <source>Matplotlib Window</source>
            <translation>Matplotlib 窗口</translation>
        </message>
        <message>
            <source>HDF5 Export: plot (x,y)</source>
            <translation>HDF5 导出：绘图数据 (x,y)</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <source>Scalable Vector Graphics (SVG)</source>
            <translation>可缩放矢量图形（SVG）</translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message>
            <source>&amp;Open workspace…</source>
            <translation>打开工作区(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a workspace file (.rnnu)</source>
            <translation>打开工作区文件（.rnnu）</translation>
        </message>
        <message>
            <source>&amp;Save workspace</source>
            <translation>保存工作区(&amp;S)</translation>
        </message>
        <message>
            <source>Save task, settings, weights, curves and the position</source>
            <translation>保存任务、设置、权重、曲线和当前位置</translation>
        </message>
        <message>
            <source>Save workspace &amp;as…</source>
            <translation>工作区另存为(&amp;A)…</translation>
        </message>
        <message>
            <source>Save the workspace under a new name</source>
            <translation>用新名称保存工作区</translation>
        </message>
        <message>
            <source>Load &amp;text data…</source>
            <translation>载入文本数据(&amp;T)…</translation>
        </message>
        <message>
            <source>Train on your own text: next-character prediction</source>
            <translation>用你自己的文本训练：预测下一个字符</translation>
        </message>
        <message>
            <source>Load &amp;CSV data…</source>
            <translation>载入 CSV 数据(&amp;C)…</translation>
        </message>
        <message>
            <source>Train on your own numeric sequences from a CSV file</source>
            <translation>用 CSV 文件中你自己的数值序列训练</translation>
        </message>
        <message>
            <source>Load the sample te&amp;xt</source>
            <translation>载入示例文本(&amp;X)</translation>
        </message>
        <message>
            <source>Next-character prediction on the opening of Alice's Adventures in Wonderland (shipped with the program), as in min-char-rnn</source>
            <translation>在《爱丽丝梦游仙境》的开头（随程序提供）上预测下一个字符，与 min-char-rnn 相同</translation>
        </message>
        <message>
            <source>untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source>{name}[*] — rnn-unfold</source>
            <translation>{name}[*] — rnn-unfold</translation>
        </message>
        <message>
            <source>Unsaved work</source>
            <translation>未保存的工作</translation>
        </message>
        <message>
            <source>The workspace has changes that are not saved.</source>
            <translation>工作区有尚未保存的更改。</translation>
        </message>
        <message>
            <source>Save them first?</source>
            <translation>先保存吗？</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>不保存(&amp;D)</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Open workspace</source>
            <translation>打开工作区</translation>
        </message>
        <message>
            <source>Cannot open the workspace</source>
            <translation>无法打开工作区</translation>
        </message>
        <message>
            <source>Opened {file}: {task}, update {update}</source>
            <translation>已打开 {file}：{task}，更新 {update}</translation>
        </message>
        <message>
            <source>Save workspace</source>
            <translation>保存工作区</translation>
        </message>
        <message>
            <source>Cannot save the workspace</source>
            <translation>无法保存工作区</translation>
        </message>
        <message>
            <source>Saved {file}</source>
            <translation>已保存 {file}</translation>
        </message>
        <message>
            <source>Load text data</source>
            <translation>载入文本数据</translation>
        </message>
        <message>
            <source>Text files (*.txt *.md *.text);;All files (*)</source>
            <translation>文本文件 (*.txt *.md *.text);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Reading {file}…</source>
            <translation>正在读取 {file}…</translation>
        </message>
        <message>
            <source>Cannot use this text</source>
            <translation>无法使用这段文本</translation>
        </message>
        <message>
            <source>Load CSV data</source>
            <translation>载入 CSV 数据</translation>
        </message>
        <message>
            <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
            <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Cannot use this CSV file</source>
            <translation>无法使用这个 CSV 文件</translation>
        </message>
        <message>
            <source>Cannot train on these data</source>
            <translation>无法用这些数据训练</translation>
        </message>
        <message>
            <source>Now training on {title}: {N} inputs, {O} outputs, {P} sequence(s) of {L} steps.</source>
            <translation>现在在 {title} 上训练：{N} 个输入，{O} 个输出，{P} 个序列，每个 {L} 步。</translation>
        </message>
        <message>
            <source>Your data</source>
            <translation>你的数据</translation>
        </message>
    </context>
    <context>
        <name>FoldbackPanel</name>
        <message>
            <source>update applied</source>
            <translation>更新已应用</translation>
        </message>
        <message>
            <source>update not applied yet</source>
            <translation>更新尚未应用</translation>
        </message>
        <message>
            <source>Fold-back</source>
            <translation>权重折叠</translation>
        </message>
        <message>
            <source>of update {n} (steps {a}–{b}): {folded} of {L} copies folded into the sum (✓). Each copy's term is summed over the P = {P} samples; Δ = η · Σ with η = {eta}</source>
            <translation>更新 {n}（时间步 {a}–{b}）：{L} 个副本中已有 {folded} 个折叠进总和（✓）。每个副本的项对 P = {P} 个样本求和；Δ = η · Σ，η = {eta}</translation>
        </message>
        <message>
            <source>(clipped)</source>
            <translation>（已裁剪）</translation>
        </message>
        <message>
            <source>Scales shared: terms and sums ±{terms}, weights ±{weights}.</source>
            <translation>共用刻度：各项与总和 ±{terms}，权重 ±{weights}。</translation>
        </message>
        <message>
            <source>Σ folded copies (Δ/η)</source>
            <translation>Σ 已折叠副本（Δ/η）</translation>
        </message>
        <message>
            <source>before the update</source>
            <translation>更新前</translation>
        </message>
        <message>
            <source>after the update</source>
            <translation>更新后</translation>
        </message>
        <message>
            <source>δ · input</source>
            <translation>δ · 输入</translation>
        </message>
        <message>
            <source>weight</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>Click a cell for its formula.</source>
            <translation>点击单元格查看它的公式。</translation>
        </message>
    </context>
    <context>
        <name>Form</name>
        <message>
            <source>PyQtGraph</source>
            <translation>PyQtGraph</translation>
        </message>
        <message>
            <source>Link Axis:</source>
            <translation>链接轴：</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;把这个轴与另一个视图链接。链接后，两个视图显示相同的数据范围。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;自动缩放时可见数据的百分比。对于带有尖峰噪声的数据，减小这个值可能有用。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;每当显示的数据改变时，自动调整这个轴的范围。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;手动设置这个轴的范围。这会关闭自动缩放。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;这个轴显示的最小值。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;这个轴显示的最大值。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;反转这个轴的显示方向。（+y 朝下而不是朝上）&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Invert Axis</source>
            <translation>反转轴</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;为这个轴启用鼠标交互（平移、缩放）。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Mouse Enabled</source>
            <translation>启用鼠标</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;勾选后，这个轴只根据在正交轴上可见的数据自动缩放。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Visible Data Only</source>
            <translation>仅可见数据</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;勾选后，这个轴会自动平移以使当前数据居中，但这个轴的缩放比例不变。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Auto Pan Only</source>
            <translation>仅自动平移</translation>
        </message>
        <message>
            <source>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</source>
            <translation>显示这个图中各曲线的平均值。参数列表可用来选择对哪些参数求平均（如果有的话）。</translation>
        </message>
        <message>
            <source>Average</source>
            <translation>平均</translation>
        </message>
        <message>
            <source>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</source>
            <translation>只绘制每条曲线的可见部分。这假定 X 值是等间距的。</translation>
        </message>
        <message>
            <source>Clip to View</source>
            <translation>裁剪到视图</translation>
        </message>
        <message>
            <source>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</source>
            <translation>如果这个图中显示了多条曲线，勾选此项可限制显示的曲线条数。</translation>
        </message>
        <message>
            <source>Max Traces:</source>
            <translation>最多曲线数：</translation>
        </message>
        <message>
            <source>Downsample</source>
            <translation>降采样</translation>
        </message>
        <message>
            <source>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</source>
            <translation>通过绘制沿原始数据最小值和最大值的锯齿波来降采样。这种方法的视觉效果最好，但较慢。</translation>
        </message>
        <message>
            <source>Peak</source>
            <translation>峰值</translation>
        </message>
        <message>
            <source>If multiple curves are displayed in this plot, check "Max Traces" and set this value to limit the number of traces that are displayed.</source>
            <translation>如果这个图中显示了多条曲线，勾选“最多曲线数”并设置这个值，可限制显示的曲线条数。</translation>
        </message>
        <message>
            <source>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</source>
            <translation>如果勾选了“最多曲线数”，曲线隐藏后从内存中删除（节省内存，但曲线无法再显示）。</translation>
        </message>
        <message>
            <source>Forget hidden traces</source>
            <translation>忘记隐藏的曲线</translation>
        </message>
        <message>
            <source>Downsample by taking the mean of N samples.</source>
            <translation>取 N 个样本的平均值来降采样。</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>平均值</translation>
        </message>
        <message>
            <source>Downsample by taking the first of N samples. This method is fastest and least accurate.</source>
            <translation>取 N 个样本中的第一个来降采样。这种方法最快，但最不精确。</translation>
        </message>
        <message>
            <source>Subsample</source>
            <translation>抽样</translation>
        </message>
        <message>
            <source>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</source>
            <translation>根据可见范围自动降采样。这假定 X 值是等间距的。</translation>
        </message>
        <message>
            <source>Downsample data before plotting. (plot every Nth sample)</source>
            <translation>绘图前对数据降采样。（每 N 个样本绘制一个）</translation>
        </message>
        <message>
            <source>Log X</source>
            <translation>对数 X</translation>
        </message>
        <message>
            <source>dy/dx</source>
            <translation>dy/dx</translation>
        </message>
        <message>
            <source>Y vs. Y'</source>
            <translation>Y 对 Y'</translation>
        </message>
        <message>
            <source>Power Spectrum (FFT)</source>
            <translation>功率谱（FFT）</translation>
        </message>
        <message>
            <source>Log Y</source>
            <translation>对数 Y</translation>
        </message>
        <message>
            <source>Subtract Mean</source>
            <translation>减去平均值</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>数据点</translation>
        </message>
        <message>
            <source>Show X Grid</source>
            <translation>显示 X 网格</translation>
        </message>
        <message>
            <source>Show Y Grid</source>
            <translation>显示 Y 网格</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <source>Alpha</source>
            <translation>透明度</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Item to export:</source>
            <translation>要导出的项：</translation>
        </message>
        <message>
            <source>Export format</source>
            <translation>导出格式</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Export options</source>
            <translation>导出选项</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
    </context>
    <context>
        <name>GeneratePanel</name>
        <message>
            <source>Symbols to start from: one character each, or names separated by spaces when they are longer</source>
            <translation>起始符号：每个一个字符；若符号名更长，则用空格分隔</translation>
        </message>
        <message>
            <source>How many symbols to generate after the prefix</source>
            <translation>在前缀之后生成多少个符号</translation>
        </message>
        <message>
            <source>Temperature T of softmax(net / T): below 1 sharper (towards the most likely symbol), above 1 flatter (towards uniform)</source>
            <translation>softmax(net / T) 的温度 T：小于 1 更尖锐（趋向最可能的符号），大于 1 更平坦（趋向均匀）</translation>
        </message>
        <message>
            <source>Seed of the draws: the same seed gives the same sample</source>
            <translation>抽样的种子：相同的种子得到相同的样本</translation>
        </message>
        <message>
            <source>&amp;Generate</source>
            <translation>生成(&amp;G)</translation>
        </message>
        <message>
            <source>Run the prefix through the current network, then draw each next symbol from its own prediction and feed it back</source>
            <translation>用当前网络处理前缀，然后从网络自己的预测中抽取每个下一个符号并反馈回去</translation>
        </message>
        <message>
            <source>The prefix followed by the generated symbols</source>
            <translation>前缀及其后生成的符号</translation>
        </message>
        <message>
            <source>&amp;Prefix:</source>
            <translation>前缀(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Length:</source>
            <translation>长度(&amp;L)：</translation>
        </message>
        <message>
            <source>&amp;Temperature:</source>
            <translation>温度(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Seed:</source>
            <translation>种子(&amp;S)：</translation>
        </message>
        <message>
            <source>This network cannot generate: {0}.</source>
            <translation>这个网络无法生成：{0}。</translation>
        </message>
        <message>
            <source>Generates from the network as it is now (after {0} updates).</source>
            <translation>用网络的当前状态生成（经过 {0} 次更新）。</translation>
        </message>
        <message>
            <source>Give a prefix: at least one symbol to start from.</source>
            <translation>请给出前缀：至少一个起始符号。</translation>
        </message>
        <message>
            <source>Not generated: {0}</source>
            <translation>未生成：{0}</translation>
        </message>
        <message>
            <source>{0} symbols at T = {1}, seed {2}, after {3} updates.</source>
            <translation>{0} 个符号，T = {1}，种子 {2}，经过 {3} 次更新。</translation>
        </message>
    </context>
    <context>
        <name>GradcheckPanel</name>
        <message>
            <source>Check gradients</source>
            <translation>检验梯度</translation>
        </message>
        <message>
            <source>compare the engine's ∂C/∂w with central finite differences (ε = {eps}, clipping off) on the current weights and window</source>
            <translation>在当前权重和窗口上，把引擎的 ∂C/∂w 与中心有限差分比较（ε = {eps}，关闭裁剪）</translation>
        </message>
        <message>
            <source>parameter</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>largest relative error</source>
            <translation>最大相对误差</translation>
        </message>
        <message>
            <source>result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Press the button to compare the engine's gradients with central finite differences (pass: relative error ≤ {tol}).</source>
            <translation>按下按钮，把引擎的梯度与中心有限差分比较（通过条件：相对误差 ≤ {tol}）。</translation>
        </message>
        <message>
            <source>The update has changed since: check again.</source>
            <translation>此后更新已改变：请重新检验。</translation>
        </message>
        <message>
            <source>Checking the gradients…</source>
            <translation>正在检验梯度…</translation>
        </message>
        <message>
            <source>all pass</source>
            <translation>全部通过</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>update {n}, window steps {a}–{b}, P = {P}, every error reaching the window start; ε = {eps}, clipping off, {evals} cost evaluations. Error = max|a − n| / (max|a| + max|n|), pass ≤ {tol}.</source>
            <translation>更新 {n}，窗口时间步 {a}–{b}，P = {P}，每个误差都传到窗口起点；ε = {eps}，关闭裁剪，{evals} 次代价计算。误差 = max|a − n| / (max|a| + max|n|)，≤ {tol} 即通过。</translation>
        </message>
        <message>
            <source>pass</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>FAIL</source>
            <translation>未通过</translation>
        </message>
    </context>
    <context>
        <name>GradiantEditorItem</name>
        <message>
            <source>RGB</source>
            <translation>RGB</translation>
        </message>
        <message>
            <source>HSV</source>
            <translation>HSV</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>位置</translation>
        </message>
    </context>
    <context>
        <name>GradientEditorItem</name>
        <message>
            <source>Remove Tick</source>
            <translation>删除刻度</translation>
        </message>
        <message>
            <source>Set Position</source>
            <translation>设置位置</translation>
        </message>
    </context>
    <context>
        <name>GraphicsScene</name>
        <message>
            <source>Export...</source>
            <translation>导出…</translation>
        </message>
    </context>
    <context>
        <name>InspectorPanel</name>
        <message>
            <source>&lt;h3&gt;Equation inspector&lt;/h3&gt;&lt;p&gt;Click a node or an edge of the unfolded view, or a cell of the fold-back matrices, to see its formula from BPTT.md with the live numbers put in.&lt;/p&gt;&lt;p&gt;Nodes show the forward pass (net&lt;sub&gt;j&lt;/sub&gt;(t), s&lt;sub&gt;j&lt;/sub&gt;(t) = f(net&lt;sub&gt;j&lt;/sub&gt;(t))) and, once BPTT reaches them, their error δ with both ways of writing f′. Edges show the weight's fold-back sum Δu&lt;sub&gt;jh&lt;/sub&gt; = η Σ&lt;sub&gt;z&lt;/sub&gt; Σ&lt;sub&gt;l&lt;/sub&gt; …. Double-click an edge to type a new weight.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;公式检查器&lt;/h3&gt;&lt;p&gt;点击展开视图中的节点或边，或权重折叠矩阵中的单元格，即可看到它在 BPTT.md 中的公式，并代入当前的数值。&lt;/p&gt;&lt;p&gt;节点显示前向传播（net&lt;sub&gt;j&lt;/sub&gt;(t)，s&lt;sub&gt;j&lt;/sub&gt;(t) = f(net&lt;sub&gt;j&lt;/sub&gt;(t))），当 BPTT 到达时，还显示它的误差 δ 以及 f′ 的两种写法。边显示该权重的折叠总和 Δu&lt;sub&gt;jh&lt;/sub&gt; = η Σ&lt;sub&gt;z&lt;/sub&gt; Σ&lt;sub&gt;l&lt;/sub&gt; …。双击一条边可以输入新的权重。&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>Lecture</name>
        <message>
            <source>The unfolded view</source>
            <translation>展开视图</translation>
        </message>
        <message>
            <source>The whole frame (view, cost plot, fold-back and vanishing panels)</source>
            <translation>整帧（视图、代价曲线、权重折叠面板和梯度消失面板）</translation>
        </message>
        <message>
            <source>The cost plot</source>
            <translation>代价曲线</translation>
        </message>
        <message>
            <source>The fold-back panel</source>
            <translation>权重折叠面板</translation>
        </message>
        <message>
            <source>The equation inspector</source>
            <translation>公式检查器</translation>
        </message>
        <message>
            <source>The vanishing / exploding panel</source>
            <translation>梯度消失 / 爆炸面板</translation>
        </message>
        <message>
            <source>The gradient check panel</source>
            <translation>梯度检验面板</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>浅色(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;High contrast (projectors)</source>
            <translation>高对比度（投影仪）(&amp;H)</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Enlarge the whole interface: fonts, nodes, lines and plots (up to 300 %)</source>
            <translation>放大整个界面：字体、节点、线条和曲线图（最大 300 %）</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>Shrink the whole interface (down to 75 %)</source>
            <translation>缩小整个界面（最小 75 %）</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>实际大小(&amp;A)</translation>
        </message>
        <message>
            <source>Back to 100 %</source>
            <translation>恢复到 100 %</translation>
        </message>
        <message>
            <source>&amp;Presentation mode</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <source>Full screen: the view, one panel and a large caption; PageDown / PageUp step, B blanks the screen, Esc leaves</source>
            <translation>全屏：视图、一个面板和大号说明文字；PageDown / PageUp 单步，B 使屏幕变黑，Esc 退出</translation>
        </message>
        <message>
            <source>Export &amp;view…</source>
            <translation>导出视图(&amp;V)…</translation>
        </message>
        <message>
            <source>Save the view, a panel or the whole frame as SVG, PDF or PNG</source>
            <translation>把视图、一个面板或整帧保存为 SVG、PDF 或 PNG</translation>
        </message>
        <message>
            <source>&amp;Copy view as image</source>
            <translation>复制视图为图像(&amp;C)</translation>
        </message>
        <message>
            <source>Put a picture of the unfolded view on the clipboard</source>
            <translation>把展开视图的图像放到剪贴板上</translation>
        </message>
        <message>
            <source>Open &amp;lesson…</source>
            <translation>打开课程(&amp;L)…</translation>
        </message>
        <message>
            <source>Play a walk-through written as a lesson file (TOML); PageDown / PageUp move scene by scene</source>
            <translation>播放写成课程文件（TOML）的讲解；PageDown / PageUp 逐个场景前后移动</translation>
        </message>
        <message>
            <source>Next scene</source>
            <translation>下一个场景</translation>
        </message>
        <message>
            <source>Previous scene</source>
            <translation>上一个场景</translation>
        </message>
        <message>
            <source>Close lesson</source>
            <translation>关闭课程</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>&amp;Lesson</source>
            <translation>课程(&amp;L)</translation>
        </message>
        <message>
            <source>Zoom {percent} %</source>
            <translation>缩放 {percent} %</translation>
        </message>
        <message>
            <source>The view is on the clipboard</source>
            <translation>视图已复制到剪贴板</translation>
        </message>
        <message>
            <source>there is no {part} panel in this window</source>
            <translation>这个窗口中没有 {part} 面板</translation>
        </message>
        <message>
            <source>the file must end in .svg, .pdf or .png, got {name}</source>
            <translation>文件名必须以 .svg、.pdf 或 .png 结尾，收到的是 {name}</translation>
        </message>
        <message>
            <source>cannot write {name}</source>
            <translation>无法写入 {name}</translation>
        </message>
        <message>
            <source>Export view</source>
            <translation>导出视图</translation>
        </message>
        <message>
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>SVG and PDF keep lines as lines and text as text: they scale to any size in slides and papers.</source>
            <translation>SVG 和 PDF 把线条保留为线条、文字保留为文字：在幻灯片和论文中可缩放到任意大小。</translation>
        </message>
        <message>
            <source>SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)</source>
            <translation>SVG 矢量图 (*.svg);;PDF 文档 (*.pdf);;PNG 图像 (*.png)</translation>
        </message>
        <message>
            <source>Wrote {name}</source>
            <translation>已写入 {name}</translation>
        </message>
        <message>
            <source>Open lesson</source>
            <translation>打开课程</translation>
        </message>
        <message>
            <source>Lessons (*.toml)</source>
            <translation>课程 (*.toml)</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <source>Lesson: {title}</source>
            <translation>课程：{title}</translation>
        </message>
    </context>
    <context>
        <name>LessonCanvas</name>
        <message>
            <source>Scene {n} of {total}</source>
            <translation>第 {n} 个场景，共 {total} 个</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>follow the phase</source>
            <translation>随阶段变化</translation>
        </message>
        <message>
            <source>signal x·w</source>
            <translation>信号 x·w</translation>
        </message>
        <message>
            <source>error δ·w</source>
            <translation>误差 δ·w</translation>
        </message>
        <message>
            <source>share δ·input</source>
            <translation>份额 δ·输入</translation>
        </message>
        <message>
            <source>weight w</source>
            <translation>权重 w</translation>
        </message>
        <message>
            <source>Fold-back</source>
            <translation>权重折叠</translation>
        </message>
        <message>
            <source>Equation inspector</source>
            <translation>公式检查器</translation>
        </message>
        <message>
            <source>Vanishing / exploding</source>
            <translation>梯度消失 / 爆炸</translation>
        </message>
        <message>
            <source>Gradient check</source>
            <translation>梯度检验</translation>
        </message>
        <message>
            <source>Who taught whom</source>
            <translation>谁教了谁</translation>
        </message>
        <message>
            <source>Why δ vanishes</source>
            <translation>δ 为何消失</translation>
        </message>
        <message>
            <source>Predictions</source>
            <translation>预测</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <source>The view keeps the last finite state; nothing was changed by the refused update.

Try one of these, then press Reset (Ctrl+R) or go on stepping:
• a lower learning rate η (now {eta:g});
• gradient clipping (now {clip});
• a smaller spectral radius of U (now ρ(U) = {rho:.3g}): fewer hidden units, another seed, or a shorter window h.</source>
            <translation>视图保留最后一个有限的状态；被拒绝的更新没有改变任何内容。

请尝试以下之一，然后按“重置”(Ctrl+R) 或继续单步：
• 更低的学习率 η（当前 {eta:g}）；
• 梯度裁剪（当前 {clip}）；
• 更小的 U 谱半径（当前 ρ(U) = {rho:.3g}）：更少的隐藏单元、换一个种子，或更短的窗口 h。</translation>
        </message>
        <message>
            <source>
&lt;h3&gt;How to read this view&lt;/h3&gt;
&lt;p&gt;The Elman network is drawn &lt;b&gt;unfolded&lt;/b&gt;: one column per copy, time running left to right.
In each column x(t) sits at the bottom, s(t) in the middle, y(t) at the top; s(0), the state
entering the window, stands alone at the far left. &lt;b&gt;V&lt;/b&gt; edges rise from x(t) to s(t),
&lt;b&gt;W&lt;/b&gt; edges from s(t) to y(t), &lt;b&gt;U&lt;/b&gt; edges run from s(t−1) to s(t). Every copy shares
the same V, U, W.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Node fill&lt;/b&gt; is the activation (viridis for 0..1, blue–grey–red for tanh's signed range);
hollow grey means not computed yet. During the backward phases the &lt;b&gt;node outline&lt;/b&gt; is δ on
a blue–grey–red map centred on zero.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Edges&lt;/b&gt; follow the phase unless pinned in the toolbar: the &lt;i&gt;signal&lt;/i&gt; x·w in the forward
pass, the &lt;i&gt;error&lt;/i&gt; δ·w travelling back in BPTT (δ&lt;sub&gt;j&lt;/sub&gt;(t−1) = f′(net&lt;sub&gt;j&lt;/sub&gt;(t−1))
Σ&lt;sub&gt;h&lt;/sub&gt; δ&lt;sub&gt;h&lt;/sub&gt;(t) u&lt;sub&gt;hj&lt;/sub&gt;: the U edges into a column carry exactly these terms),
and in the fold-back each copy's &lt;i&gt;share&lt;/i&gt; δ·input, which is summed over the copies z and the
samples l into one change per weight: Δv&lt;sub&gt;ji&lt;/sub&gt; = η Σ&lt;sub&gt;z&lt;/sub&gt; Σ&lt;sub&gt;l&lt;/sub&gt;
δ&lt;sub&gt;j&lt;/sub&gt;(t−z) x&lt;sub&gt;i&lt;/sub&gt;(t−z).&lt;/p&gt;
&lt;p&gt;An update runs: &lt;b&gt;forward&lt;/b&gt; (s(t), y(t) one step at a time) → &lt;b&gt;output error&lt;/b&gt; δ&lt;sub&gt;k&lt;/sub&gt;
→ &lt;b&gt;BPTT&lt;/b&gt; δ&lt;sub&gt;j&lt;/sub&gt;(t−z), one copy back at a time → &lt;b&gt;fold-back&lt;/b&gt; → &lt;b&gt;update&lt;/b&gt;.
&lt;b&gt;Step&lt;/b&gt; (→) reveals one micro-step, &lt;b&gt;Step back&lt;/b&gt; (←) undoes it, Shift+→ jumps to the end of
the phase, Ctrl+→ finishes the update, Space plays.&lt;/p&gt;
&lt;p&gt;{h_sentence}&lt;/p&gt;
&lt;p&gt;Hover a node or an edge for its numbers: net, s or y, δ, the weight and what it carries now.
Drag to pan, wheel to zoom, double-click empty space to fit the network again.&lt;/p&gt;
</source>
            <translation>
&lt;h3&gt;如何阅读这个视图&lt;/h3&gt;
&lt;p&gt;Elman 网络以&lt;b&gt;展开&lt;/b&gt;的形式绘制：每个副本一列，时间从左向右。
每一列中 x(t) 在底部，s(t) 在中间，y(t) 在顶部；s(0) 是进入窗口的状态，
单独位于最左侧。&lt;b&gt;V&lt;/b&gt; 边从 x(t) 升到 s(t)，&lt;b&gt;W&lt;/b&gt; 边从 s(t) 到 y(t)，
&lt;b&gt;U&lt;/b&gt; 边从 s(t−1) 连到 s(t)。所有副本共享同一组 V、U、W。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;节点填充色&lt;/b&gt;表示激活值（0..1 用 viridis，tanh 的有符号范围用蓝–灰–红）；
空心灰色表示尚未计算。在反向阶段，&lt;b&gt;节点轮廓&lt;/b&gt;表示 δ，
使用以零为中心的蓝–灰–红色图。&lt;/p&gt;
&lt;p&gt;除非在工具栏中固定，&lt;b&gt;边&lt;/b&gt;随阶段变化：前向传播中是&lt;i&gt;信号&lt;/i&gt; x·w，
BPTT 中是往回传递的&lt;i&gt;误差&lt;/i&gt; δ·w（δ&lt;sub&gt;j&lt;/sub&gt;(t−1) = f′(net&lt;sub&gt;j&lt;/sub&gt;(t−1))
Σ&lt;sub&gt;h&lt;/sub&gt; δ&lt;sub&gt;h&lt;/sub&gt;(t) u&lt;sub&gt;hj&lt;/sub&gt;：进入一列的 U 边恰好携带这些项），
权重折叠中是每个副本的&lt;i&gt;份额&lt;/i&gt; δ·输入，它对副本 z 和样本 l 求和，
得到每个权重的一个变化量：Δv&lt;sub&gt;ji&lt;/sub&gt; = η Σ&lt;sub&gt;z&lt;/sub&gt; Σ&lt;sub&gt;l&lt;/sub&gt;
δ&lt;sub&gt;j&lt;/sub&gt;(t−z) x&lt;sub&gt;i&lt;/sub&gt;(t−z)。&lt;/p&gt;
&lt;p&gt;一次更新依次进行：&lt;b&gt;前向传播&lt;/b&gt;（s(t)、y(t) 每次一步）→ &lt;b&gt;输出误差&lt;/b&gt; δ&lt;sub&gt;k&lt;/sub&gt;
→ &lt;b&gt;BPTT&lt;/b&gt; δ&lt;sub&gt;j&lt;/sub&gt;(t−z)，每次往回一个副本 → &lt;b&gt;权重折叠&lt;/b&gt; → &lt;b&gt;更新&lt;/b&gt;。
&lt;b&gt;单步&lt;/b&gt;（→）显示一个微步，&lt;b&gt;后退一步&lt;/b&gt;（←）撤销它，Shift+→ 跳到
本阶段末尾，Ctrl+→ 完成这次更新，Space 播放。&lt;/p&gt;
&lt;p&gt;{h_sentence}&lt;/p&gt;
&lt;p&gt;把鼠标悬停在节点或边上可查看数值：net、s 或 y、δ、权重以及它当前携带的量。
拖动可平移，滚轮可缩放，双击空白处可让网络重新适应视图。&lt;/p&gt;
</translation>
        </message>
        <message>
            <source>
&lt;h3&gt;rnn-unfold&lt;/h3&gt;
&lt;p&gt;See backpropagation through time: an Elman network unfolded over its time steps, stepped
through the forward pass, BPTT and the weight fold-back while the cost is plotted.&lt;/p&gt;
&lt;p&gt;Version {version}&lt;/p&gt;
&lt;p&gt;Notation of Mikael Bodén, &lt;i&gt;A guide to recurrent neural networks and backpropagation&lt;/i&gt;
(2002). Numpy engine; PySide6 and pyqtgraph views. MIT licence.&lt;/p&gt;
</source>
            <translation>
&lt;h3&gt;rnn-unfold&lt;/h3&gt;
&lt;p&gt;看见随时间反向传播（BPTT）：一个 Elman 网络沿时间步展开，
逐步经过前向传播、BPTT 和权重折叠，同时绘制代价曲线。&lt;/p&gt;
&lt;p&gt;版本 {version}&lt;/p&gt;
&lt;p&gt;记号采用 Mikael Bodén 的&lt;i&gt;《循环神经网络与反向传播指南》&lt;/i&gt;
(2002)。NumPy 计算引擎；PySide6 与 pyqtgraph 视图。MIT 许可证。&lt;/p&gt;
</translation>
        </message>
        <message>
            <source>rnn-unfold: backpropagation through time, unfolded</source>
            <translation>rnn-unfold：随时间反向传播，展开来看</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>代价</translation>
        </message>
        <message>
            <source>Clear the selection</source>
            <translation>清除选择</translation>
        </message>
        <message>
            <source>Controls</source>
            <translation>控制</translation>
        </message>
        <message>
            <source> Edges show </source>
            <translation> 边显示 </translation>
        </message>
        <message>
            <source>What the edges show: by default it follows the phase (signal x·w forward, error δ·w in BPTT, each copy's share δ·input in the fold-back); pin one, or the weight w itself</source>
            <translation>边显示的内容：默认随阶段变化（前向传播中为信号 x·w，BPTT 中为误差 δ·w，权重折叠中为每个副本的份额 δ·输入）；也可以固定其中一种，或显示权重 w 本身</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>运行(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Fit the network</source>
            <translation>适应网络(&amp;F)</translation>
        </message>
        <message>
            <source>Fit the whole network into the view again after zooming or panning</source>
            <translation>缩放或平移之后，让整个网络重新适应视图</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>How to &amp;read this view</source>
            <translation>如何阅读这个视图(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;About rnn-unfold</source>
            <translation>关于 rnn-unfold(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>This is the start of the run: nothing to step back to</source>
            <translation>这是运行的开头：没有可以后退的步骤</translation>
        </message>
        <message>
            <source>Nothing further back is kept: stepping back reaches the last {n} updates stepped through (updates played fast keep only the last one)</source>
            <translation>更早的状态没有保留：后退最多回到最近逐步经过的 {n} 次更新（快速播放的更新只保留最后一次）</translation>
        </message>
        <message>
            <source>Stopped: {reason}</source>
            <translation>已停止：{reason}</translation>
        </message>
        <message>
            <source>Now training on {task}: the network was rebuilt (new weights, update 0)</source>
            <translation>现在训练 {task}：网络已重建（新权重，第 0 次更新）</translation>
        </message>
        <message>
            <source>The network was rebuilt with the new settings (new weights, update 0); Ctrl+Z brings the old one back</source>
            <translation>已按新设置重建网络（新权重，第 0 次更新）；按 Ctrl+Z 可恢复原来的网络</translation>
        </message>
        <message>
            <source>η and clipping apply from this update on (the network is unchanged)</source>
            <translation>η 和裁剪从这次更新起生效（网络保持不变）</translation>
        </message>
        <message>
            <source>Diverged: {message}</source>
            <translation>发散：{message}</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>at norm {clip:g}</source>
            <translation>范数上限 {clip:g}</translation>
        </message>
        <message>
            <source>The run diverged</source>
            <translation>运行发散了</translation>
        </message>
        <message>
            <source>The cost or a gradient became NaN or infinite: {message}</source>
            <translation>代价或某个梯度变成了 NaN 或无穷大：{message}</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>暂停(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Play</source>
            <translation>播放(&amp;P)</translation>
        </message>
        <message>
            <source>Playing at {speed}</source>
            <translation>正在以 {speed} 播放</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Reset: same settings, same seed, update 0</source>
            <translation>已重置：相同的设置，相同的种子，更新 0</translation>
        </message>
        <message>
            <source>{letter}_{row},{col} ({matrix}[{row}, {col}], shared by every copy)
new value ({low:g} … {high:g}):</source>
            <translation>{letter}_{row},{col}（{matrix}[{row}, {col}]，所有副本共享）
新值（{low:g} … {high:g}）：</translation>
        </message>
        <message>
            <source>Edit weight</source>
            <translation>编辑权重</translation>
        </message>
        <message>
            <source>How to read this view</source>
            <translation>如何阅读这个视图</translation>
        </message>
        <message>
            <source>About rnn-unfold</source>
            <translation>关于 rnn-unfold</translation>
        </message>
    </context>
    <context>
        <name>ParameterItem</name>
        <message>
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>ParametersPanel</name>
        <message>
            <source>custom BPTT(h; h′): choose both</source>
            <translation>自定义 BPTT(h; h′)：两者都要选</translation>
        </message>
        <message>
            <source>h = 1 is Elman's training; h ≥ the sequence length is full BPTT.</source>
            <translation>h = 1 即 Elman 的训练方式；h ≥ 序列长度即完整 BPTT。</translation>
        </message>
        <message>
            <source>h′ = steps between updates; the errors of the last h′ steps are injected at each update.</source>
            <translation>h′ = 两次更新之间的时间步数；每次更新时注入最近 h′ 步的误差。</translation>
        </message>
        <message>
            <source>cross-entropy is undefined for a linear output: choose the sum-of-squares cost first, or a sigmoid/softmax output</source>
            <translation>交叉熵对 linear 输出没有定义：请先选择平方和代价，或选择 sigmoid/softmax 输出</translation>
        </message>
        <message>
            <source>softmax needs at least two outputs; this task has one (use sigmoid)</source>
            <translation>softmax 至少需要两个输出；这个任务只有一个（请用 sigmoid）</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Which sequence problem to learn</source>
            <translation>要学习哪个序列问题</translation>
        </message>
        <message>
            <source>task parameters</source>
            <translation>任务参数</translation>
        </message>
        <message>
            <source>P (sequences)</source>
            <translation>P（序列数）</translation>
        </message>
        <message>
            <source>Training sequences trained together (l = 1..P); costs are sums over them</source>
            <translation>一起训练的训练序列（l = 1..P）；代价是对它们求和</translation>
        </message>
        <message>
            <source>seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>Seeds the weights and the task's data</source>
            <translation>为权重和任务数据设定随机种子</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>M (hidden units)</source>
            <translation>M（隐藏单元数）</translation>
        </message>
        <message>
            <source>Number of hidden units s_j</source>
            <translation>隐藏单元 s_j 的数量</translation>
        </message>
        <message>
            <source>f (hidden)</source>
            <translation>f（隐藏）</translation>
        </message>
        <message>
            <source>f: s_j(t) = f(net_j(t))</source>
            <translation>f：s_j(t) = f(net_j(t))</translation>
        </message>
        <message>
            <source>g (output)</source>
            <translation>g（输出）</translation>
        </message>
        <message>
            <source>g: y_k(t) = g(net_k(t)). Softmax needs two or more outputs; a linear output needs the sum-of-squares cost</source>
            <translation>g：y_k(t) = g(net_k(t))。softmax 需要两个或更多输出；linear 输出需要平方和代价</translation>
        </message>
        <message>
            <source>cost</source>
            <translation>代价</translation>
        </message>
        <message>
            <source>The cost C summed over the steps that carry a target. Cross-entropy needs a sigmoid or softmax output</source>
            <translation>代价 C 对带有目标的时间步求和。交叉熵需要 sigmoid 或 softmax 输出</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>scheme</source>
            <translation>方案</translation>
        </message>
        <message>
            <source>BPTT(h; h′) preset: {presets}</source>
            <translation>BPTT(h; h′) 预设：{presets}</translation>
        </message>
        <message>
            <source>h (depth, = T + 1)</source>
            <translation>h（深度，= T + 1）</translation>
        </message>
        <message>
            <source>h′ (steps/update)</source>
            <translation>h′（时间步/更新）</translation>
        </message>
        <message>
            <source>η (learning rate)</source>
            <translation>η（学习率）</translation>
        </message>
        <message>
            <source>η: every weight moves by η · Σ δ · input. Changes live, without a reset</source>
            <translation>η：每个权重变化 η · Σ δ · 输入。实时生效，无需重置</translation>
        </message>
        <message>
            <source>clip the gradient</source>
            <translation>梯度裁剪</translation>
        </message>
        <message>
            <source>Scale the gradient down when its global norm exceeds the limit (changes live, without a reset)</source>
            <translation>当梯度的全局范数超过上限时把梯度按比例缩小（实时生效，无需重置）</translation>
        </message>
        <message>
            <source>clip norm</source>
            <translation>裁剪范数</translation>
        </message>
        <message>
            <source>Largest global norm of the gradient (changes live)</source>
            <translation>梯度的最大全局范数（实时生效）</translation>
        </message>
        <message>
            <source>View</source>
            <translation>视图</translation>
        </message>
        <message>
            <source>sample l</source>
            <translation>样本 l</translation>
        </message>
        <message>
            <source>Which sequence l of the batch the view draws (the fold-back shares are summed over all l)</source>
            <translation>视图绘制批中的哪个序列 l（权重折叠的份额对所有 l 求和）</translation>
        </message>
        <message>
            <source>{text} ({lo}..{hi} characters)</source>
            <translation>{text}（{lo}..{hi} 个字符）</translation>
        </message>
        <message>
            <source>{text} ({lo}..{hi})</source>
            <translation>{text}（{lo}..{hi}）</translation>
        </message>
        <message>
            <source>N = {N} inputs, O = {O} outputs, L = {L} steps, scheme {scheme}</source>
            <translation>N = {N} 个输入，O = {O} 个输出，L = {L} 步，方案 {scheme}</translation>
        </message>
        <message>
            <source>Not available now: {why}</source>
            <translation>现在不可用：{why}</translation>
        </message>
        <message>
            <source>Not possible: {error}</source>
            <translation>不可行：{error}</translation>
        </message>
    </context>
    <context>
        <name>PlayController</name>
        <message>
            <source>an update was not finite</source>
            <translation>一次更新的结果不是有限值</translation>
        </message>
    </context>
    <context>
        <name>PlotItem</name>
        <message>
            <source>Plot Options</source>
            <translation>绘图选项</translation>
        </message>
        <message>
            <source>Transforms</source>
            <translation>变换</translation>
        </message>
        <message>
            <source>Downsample</source>
            <translation>降采样</translation>
        </message>
        <message>
            <source>Average</source>
            <translation>平均</translation>
        </message>
        <message>
            <source>Alpha</source>
            <translation>透明度</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>数据点</translation>
        </message>
    </context>
    <context>
        <name>PredictionStrip</name>
        <message>
            <source>Per step of the update's window: x the input, d the target, y the network's prediction (with its probability); green right, red wrong, orange outline the step just revealed</source>
            <translation>更新窗口中的每一步：x 是输入，d 是目标，y 是网络的预测（及其概率）；绿色为正确，红色为错误，橙色轮廓为刚显示的一步</translation>
        </message>
        <message>
            <source>t = {0}</source>
            <translation>t = {0}</translation>
        </message>
        <message>
            <source>x: {0}</source>
            <translation>x：{0}</translation>
        </message>
        <message>
            <source>d: {0}</source>
            <translation>d：{0}</translation>
        </message>
        <message>
            <source>d: –</source>
            <translation>d：–</translation>
        </message>
        <message>
            <source>y: …</source>
            <translation>y：…</translation>
        </message>
        <message>
            <source>y: {0}</source>
            <translation>y：{0}</translation>
        </message>
        <message>
            <source>{0} {1}%{2}</source>
            <translation>{0} {1}%{2}</translation>
        </message>
        <message>
            <source>Sample l = {0}: target and output values; mean ‖d − y‖ so far {1}</source>
            <translation>样本 l = {0}：目标值与输出值；目前平均 ‖d − y‖ 为 {1}</translation>
        </message>
        <message>
            <source>Sample l = {0}: {1} of {2} predictions scored so far are right</source>
            <translation>样本 l = {0}：目前已计分的 {2} 个预测中有 {1} 个正确</translation>
        </message>
    </context>
    <context>
        <name>Preferences</name>
        <message>
            <source>Remember the last task and settings</source>
            <translation>记住上次的任务和设置</translation>
        </message>
        <message>
            <source>&amp;Restore defaults</source>
            <translation>恢复默认设置(&amp;R)</translation>
        </message>
        <message>
            <source>Forget the remembered layout, task and settings and start again with the defaults</source>
            <translation>忘记记住的布局、任务和设置，用默认值重新开始</translation>
        </message>
        <message>
            <source>&amp;Memory budget…</source>
            <translation>内存预算(&amp;M)…</translation>
        </message>
        <message>
            <source>The most memory a task, its settings and the step-back history may take; larger sizes are refused with a message saying what to lower</source>
            <translation>任务、其设置和后退历史最多可占用的内存；超过的规模会被拒绝，并提示应调低哪一项</translation>
        </message>
        <message>
            <source>&amp;Preferences</source>
            <translation>首选项(&amp;P)</translation>
        </message>
        <message>
            <source>Memory budget</source>
            <translation>内存预算</translation>
        </message>
        <message>
            <source>The most memory the task, its settings and the step-back history may take (e.g. 512M, 2G; now {now}):</source>
            <translation>任务、其设置和后退历史最多可占用的内存（例如 512M、2G；当前为 {now}）：</translation>
        </message>
        <message>
            <source>Not a memory budget</source>
            <translation>不是有效的内存预算</translation>
        </message>
        <message>
            <source>Memory budget: {size}</source>
            <translation>内存预算：{size}</translation>
        </message>
        <message>
            <source>Cannot restore the default task</source>
            <translation>无法恢复默认任务</translation>
        </message>
        <message>
            <source>Defaults restored: layout, task and settings</source>
            <translation>已恢复默认：布局、任务和设置</translation>
        </message>
    </context>
    <context>
        <name>PresentationWindow</name>
        <message>
            <source>rnn-unfold: presentation</source>
            <translation>rnn-unfold：演示</translation>
        </message>
    </context>
    <context>
        <name>SpeedControl</name>
        <message>
            <source>1 micro-step/s</source>
            <translation>1 微步/秒</translation>
        </message>
        <message>
            <source>2 micro-steps/s</source>
            <translation>2 微步/秒</translation>
        </message>
        <message>
            <source>5 micro-steps/s</source>
            <translation>5 微步/秒</translation>
        </message>
        <message>
            <source>10 micro-steps/s</source>
            <translation>10 微步/秒</translation>
        </message>
        <message>
            <source>30 micro-steps/s</source>
            <translation>30 微步/秒</translation>
        </message>
        <message>
            <source>1 update/s</source>
            <translation>1 次更新/秒</translation>
        </message>
        <message>
            <source>3 updates/s</source>
            <translation>3 次更新/秒</translation>
        </message>
        <message>
            <source>10 updates/s</source>
            <translation>10 次更新/秒</translation>
        </message>
        <message>
            <source>30 updates/s</source>
            <translation>30 次更新/秒</translation>
        </message>
        <message>
            <source>100 updates/s</source>
            <translation>100 次更新/秒</translation>
        </message>
        <message>
            <source>300 updates/s</source>
            <translation>300 次更新/秒</translation>
        </message>
        <message>
            <source>fast</source>
            <translation>最快</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>Play speed: {a} to {b} (each micro-step reveals one s(t), y(t), δ or fold-back term), then {c} to {d} (whole updates), then “fast” (as many updates as fit, redrawn at most {fps} times a second). Shortcuts: [ slower, ] faster.</source>
            <translation>播放速度：{a} 到 {b}（每个微步显示一个 s(t)、y(t)、δ 或权重折叠项），然后 {c} 到 {d}（整次更新），最后是“最快”（尽可能多的更新，每秒最多重绘 {fps} 次）。快捷键：[ 减慢，] 加快。</translation>
        </message>
    </context>
    <context>
        <name>StepSentence</name>
        <message>
            <source>Nothing is computed yet: only the state s({t0}) entering the window is known.</source>
            <translation>尚未计算任何内容：只知道进入窗口的状态 s({t0})。</translation>
        </message>
        <message>
            <source>Copy t = {t} computes its hidden state s({t}) = f(V x({t}) + U s({tm}) + θ) from the input and the previous state.</source>
            <translation>副本 t = {t} 由输入和前一个状态计算它的隐藏状态 s({t}) = f(V x({t}) + U s({tm}) + θ)。</translation>
        </message>
        <message>
            <source>Copy t = {t} computes its output y({t}) = g(W s({t}) + θ_o) from the hidden state.</source>
            <translation>副本 t = {t} 由隐藏状态计算它的输出 y({t}) = g(W s({t}) + θ_o)。</translation>
        </message>
        <message>
            <source>The error enters at step t = {t}: δ_k({t}) compares the output y({t}) with the target d({t}).</source>
            <translation>误差在时间步 t = {t} 进入：δ_k({t}) 比较输出 y({t}) 与目标 d({t})。</translation>
        </message>
        <message>
            <source>BPTT starts at copy t = {t}: δ_j({t}) = f′(net_j({t})) Σ_k δ_k({t}) w_kj brings the output error into the hidden layer.</source>
            <translation>BPTT 从副本 t = {t} 开始：δ_j({t}) = f′(net_j({t})) Σ_k δ_k({t}) w_kj 把输出误差带入隐藏层。</translation>
        </message>
        <message>
            <source>The error flows one copy back to t = {t} (z = {z}): δ_j({t}) = f′(net_j({t})) Σ_h δ_h({tp}) u_hj.</source>
            <translation>误差往回流过一个副本，到达 t = {t}（z = {z}）：δ_j({t}) = f′(net_j({t})) Σ_h δ_h({tp}) u_hj。</translation>
        </message>
        <message>
            <source>The error flows one copy back to t = {t} (z = {z}) and meets the error entering there: δ_j({t}) = f′(net_j({t})) (Σ_h δ_h({tp}) u_hj + Σ_k δ_k({t}) w_kj).</source>
            <translation>误差往回流过一个副本，到达 t = {t}（z = {z}），并与在那里进入的误差汇合：δ_j({t}) = f′(net_j({t})) (Σ_h δ_h({tp}) u_hj + Σ_k δ_k({t}) w_kj)。</translation>
        </message>
        <message>
            <source>Copy t = {t} (z = {z}) adds its share η δ({t}) x({t})ᵀ into ΔV and η δ({t}) s({tm})ᵀ into ΔU.</source>
            <translation>副本 t = {t}（z = {z}）把它的份额 η δ({t}) x({t})ᵀ 加入 ΔV，把 η δ({t}) s({tm})ᵀ 加入 ΔU。</translation>
        </message>
        <message>
            <source>Copy t = {t} (z = {z}) adds its share η δ({t}) x({t})ᵀ into ΔV, η δ({t}) s({tm})ᵀ into ΔU and η δ_o({t}) s({t})ᵀ into ΔW.</source>
            <translation>副本 t = {t}（z = {z}）把它的份额 η δ({t}) x({t})ᵀ 加入 ΔV，把 η δ({t}) s({tm})ᵀ 加入 ΔU，把 η δ_o({t}) s({t})ᵀ 加入 ΔW。</translation>
        </message>
        <message>
            <source>The weights change by their folded sums, w ← w + Δw, and the cost {cost} is recorded.</source>
            <translation>权重按折叠后的总和改变，w ← w + Δw，并记录代价 {cost}。</translation>
        </message>
    </context>
    <context>
        <name>UndoHistory</name>
        <message>
            <source>Rescale U</source>
            <translation>缩放 U</translation>
        </message>
        <message>
            <source>Edit {name}</source>
            <translation>编辑 {name}</translation>
        </message>
        <message>
            <source>Change {names}</source>
            <translation>更改 {names}</translation>
        </message>
    </context>
    <context>
        <name>UnfoldedView</name>
        <message>
            <source>More copies than fit at a readable size: scroll sideways</source>
            <translation>副本太多，无法以可读的大小全部显示：请横向滚动</translation>
        </message>
        <message>
            <source>showing strongest {k} of {n} edges</source>
            <translation>显示 {n} 条边中最强的 {k} 条</translation>
        </message>
        <message>
            <source>edges: {what}</source>
            <translation>边：{what}</translation>
        </message>
        <message>
            <source>node fill: activation</source>
            <translation>节点填充：激活值</translation>
        </message>
        <message>
            <source>node outline: δ</source>
            <translation>节点轮廓：δ</translation>
        </message>
        <message>
            <source>hollow grey: not revealed yet</source>
            <translation>空心灰色：尚未显示</translation>
        </message>
        <message>
            <source>fill</source>
            <translation>填充</translation>
        </message>
        <message>
            <source>edges</source>
            <translation>边</translation>
        </message>
        <message>
            <source>outline</source>
            <translation>轮廓</translation>
        </message>
        <message>
            <source>forward pass</source>
            <translation>前向传播</translation>
        </message>
        <message>
            <source>backward (BPTT)</source>
            <translation>反向（BPTT）</translation>
        </message>
        <message>
            <source>fold-back: Σ over the copies z</source>
            <translation>权重折叠：对副本 z 求和 Σ</translation>
        </message>
        <message>
            <source>update: V, U, W change by ΔV, ΔU, ΔW</source>
            <translation>更新：V、U、W 分别改变 ΔV、ΔU、ΔW</translation>
        </message>
        <message>
            <source>tooltip error: {error}</source>
            <translation>提示信息出错：{error}</translation>
        </message>
    </context>
    <context>
        <name>VanishingFactorsPanel</name>
        <message>
            <source>Split the steps back of the whole update's δ, or of one error's δ alone</source>
            <translation>拆分整次更新的 δ 的往回各步，或单独一个误差的 δ</translation>
        </message>
        <message>
            <source>&amp;δ of:</source>
            <translation>δ 来自(&amp;D)：</translation>
        </message>
        <message>
            <source>copy c at step t (the δ leaves c for c − 1)</source>
            <translation>时间步 t 处的副本 c（δ 从 c 流向 c − 1）</translation>
        </message>
        <message>
            <source>factor of one step back</source>
            <translation>往回一步的因子</translation>
        </message>
        <message>
            <source>U factor ‖Uᵀδ(c)‖/‖δ(c)‖</source>
            <translation>U 因子 ‖Uᵀδ(c)‖/‖δ(c)‖</translation>
        </message>
        <message>
            <source>f′ factor ‖f′ ⊙ Uᵀδ(c)‖/‖Uᵀδ(c)‖</source>
            <translation>f′ 因子 ‖f′ ⊙ Uᵀδ(c)‖/‖Uᵀδ(c)‖</translation>
        </message>
        <message>
            <source>measured ‖δ(c−1)‖/‖δ(c)‖ = their product</source>
            <translation>测得的 ‖δ(c−1)‖/‖δ(c)‖ = 二者之积</translation>
        </message>
        <message>
            <source>Saturated: f′ &amp;lt; {0} (10 % of max f′ of {1}), counted over {2} units per copy (M = {3} units × P = {4} sequences).</source>
            <translation>饱和：f′ &amp;lt; {0}（{1} 的 f′ 最大值的 10 %），每个副本共统计 {2} 个单元（M = {3} 个单元 × P = {4} 个序列）。</translation>
        </message>
        <message>
            <source>copy at step t</source>
            <translation>时间步 t 处的副本</translation>
        </message>
        <message>
            <source>saturated units</source>
            <translation>饱和单元</translation>
        </message>
        <message>
            <source>the whole update</source>
            <translation>整次更新</translation>
        </message>
        <message>
            <source>the error at t = {0} alone</source>
            <translation>单独 t = {0} 处的误差</translation>
        </message>
        <message>
            <source>δ of {0}: {1} steps back shown so far.</source>
            <translation>{0} 的 δ：目前已显示往回 {1} 步。</translation>
        </message>
        <message>
            <source>Over them: U × {0}, f′ × {1}.</source>
            <translation>在这些单元上：U × {0}，f′ × {1}。</translation>
        </message>
    </context>
    <context>
        <name>VanishingPanel</name>
        <message>
            <source>update {n}: ‖δ(t−z)‖ appears during BPTT</source>
            <translation>第 {n} 次更新：‖δ(t−z)‖ 在随时间反向传播（BPTT）期间出现</translation>
        </message>
        <message>
            <source>no error enters in this window</source>
            <translation>在这个窗口中没有误差进入</translation>
        </message>
        <message>
            <source>error entering at t = step {step}</source>
            <translation>在 t = 时间步 {step} 进入的误差</translation>
        </message>
        <message>
            <source>update {n}</source>
            <translation>更新 {n}</translation>
        </message>
        <message>
            <source>measured</source>
            <translation>实测</translation>
        </message>
        <message>
            <source>bound</source>
            <translation>上界</translation>
        </message>
        <message>
            <source>&amp;lt; 1: the bound vanishes</source>
            <translation>&amp;lt; 1：上界趋于消失</translation>
        </message>
        <message>
            <source>≥ 1: exploding is possible</source>
            <translation>≥ 1：可能发生梯度爆炸</translation>
        </message>
        <message>
            <source>norms over the P = {P} samples</source>
            <translation>对 P = {P} 个样本取范数</translation>
        </message>
        <message>
            <source>z (copies back from t)</source>
            <translation>z（从 t 往回的副本数）</translation>
        </message>
        <message>
            <source>update</source>
            <translation>更新</translation>
        </message>
        <message>
            <source>log&lt;sub&gt;10&lt;/sub&gt; ‖δ(t−z)‖ over the updates played (last {n} kept)</source>
            <translation>已播放各次更新的 log&lt;sub&gt;10&lt;/sub&gt; ‖δ(t−z)‖（保留最近 {n} 次）</translation>
        </message>
        <message>
            <source>target spectral radius ρ(U) (largest |eigenvalue| of U)</source>
            <translation>目标谱半径 ρ(U)（U 的最大 |特征值|）</translation>
        </message>
        <message>
            <source>Rescale U</source>
            <translation>缩放 U</translation>
        </message>
        <message>
            <source>multiply U by ρ / ρ(U): the current update is recomputed with the new U</source>
            <translation>把 U 乘以 ρ / ρ(U)：用新的 U 重新计算当前更新</translation>
        </message>
        <message>
            <source>set ρ(U) =</source>
            <translation>设定 ρ(U) =</translation>
        </message>
        <message>
            <source>U rescaled: ρ(U) = {rho}, σ&lt;sub&gt;max&lt;/sub&gt;(U) = {sigma}</source>
            <translation>U 已缩放：ρ(U) = {rho}，σ&lt;sub&gt;max&lt;/sub&gt;(U) = {sigma}</translation>
        </message>
    </context>
    <context>
        <name>ViewBox</name>
        <message>
            <source>ViewBox options</source>
            <translation>视图框选项</translation>
        </message>
        <message>
            <source>View All</source>
            <translation>显示全部</translation>
        </message>
        <message>
            <source>Mouse Mode</source>
            <translation>鼠标模式</translation>
        </message>
        <message>
            <source>3 button</source>
            <translation>三键</translation>
        </message>
        <message>
            <source>1 button</source>
            <translation>单键</translation>
        </message>
        <message>
            <source>axis</source>
            <translation>轴</translation>
        </message>
    </context>
    <context>
        <name>WhoTaughtPanel</name>
        <message>
            <source>V (input → hidden)</source>
            <translation>V（输入 → 隐藏）</translation>
        </message>
        <message>
            <source>U (recurrent)</source>
            <translation>U（循环）</translation>
        </message>
        <message>
            <source>θ_h (hidden bias)</source>
            <translation>θ_h（隐藏偏置）</translation>
        </message>
        <message>
            <source>Which weights' change to itemize: A[τ, c] = ‖C(τ, c)‖ with C_V = Σ_l δ^(τ)(c) x(c)ᵀ, C_U = Σ_l δ^(τ)(c) s(c−1)ᵀ, C_θ = Σ_l δ^(τ)(c)</source>
            <translation>逐项列出哪组权重的变化：A[τ, c] = ‖C(τ, c)‖，其中 C_V = Σ_l δ^(τ)(c) x(c)ᵀ，C_U = Σ_l δ^(τ)(c) s(c−1)ᵀ，C_θ = Σ_l δ^(τ)(c)</translation>
        </message>
        <message>
            <source>&amp;Weights:</source>
            <translation>权重(&amp;W)：</translation>
        </message>
        <message>
            <source>Show what &amp;truncation cut</source>
            <translation>显示截断去掉的部分(&amp;T)</translation>
        </message>
        <message>
            <source>Also draw the copies BPTT(h; h′) never reaches, hatched, with their values from full-depth BPTT on the same window and weights</source>
            <translation>同时用阴影线画出 BPTT(h; h′) 永远到达不了的副本，其数值来自相同窗口和权重上的全深度 BPTT</translation>
        </message>
        <message>
            <source>Show one error's δ flowing back alone in the unfolded view (hovering a row of the matrix does the same while the mouse is on it)</source>
            <translation>在展开视图中单独显示一个误差的 δ 往回流动（鼠标悬停在矩阵的某一行上时效果相同）</translation>
        </message>
        <message>
            <source>&amp;One error source:</source>
            <translation>单一误差来源(&amp;O)：</translation>
        </message>
        <message>
            <source>Hover a row to show that error's δ alone in the unfolded view; click a cell for its formula. Keyboard: arrows move a cell cursor, Enter opens its formula, Escape leaves.</source>
            <translation>悬停在某一行上，可在展开视图中单独显示该误差的 δ；点击单元格查看它的公式。键盘：方向键移动单元格光标，Enter 打开其公式，Escape 退出。</translation>
        </message>
        <message>
            <source>τ: error entered at step</source>
            <translation>τ：误差进入的时间步</translation>
        </message>
        <message>
            <source>c: copy at step</source>
            <translation>c：副本所在的时间步</translation>
        </message>
        <message>
            <source>log₁₀ ‖C(τ, c)‖</source>
            <translation>log₁₀ ‖C(τ, c)‖</translation>
        </message>
        <message>
            <source>cos(scheme, full)</source>
            <translation>cos(方案, 完整)</translation>
        </message>
        <message>
            <source>‖scheme − full‖/‖full‖</source>
            <translation>‖方案 − 完整‖/‖完整‖</translation>
        </message>
        <message>
            <source>update</source>
            <translation>更新</translation>
        </message>
        <message>
            <source>Hover a cell to read it; click it for its formula.</source>
            <translation>悬停在单元格上查看数值；点击查看它的公式。</translation>
        </message>
        <message>
            <source>This update was played without its per-error detail; step or pause to see it.</source>
            <translation>这次更新播放时未计算逐个误差的细节；单步执行或暂停即可查看。</translation>
        </message>
        <message>
            <source>every error (the whole update)</source>
            <translation>所有误差（整次更新）</translation>
        </message>
        <message>
            <source>τ: the error at t = {0}</source>
            <translation>τ：t = {0} 处的误差</translation>
        </message>
        <message>
            <source>‖Δ{0}‖/η = &lt;b&gt;{1}&lt;/b&gt;</source>
            <translation>‖Δ{0}‖/η = &lt;b&gt;{1}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>(so far: BPTT is still going back)</source>
            <translation>（到目前为止：BPTT 仍在往回进行）</translation>
        </message>
        <message>
            <source>Update {0}</source>
            <translation>更新 {0}</translation>
        </message>
        <message>
            <source>The full-depth comparison needs the sequence's history, which this update no longer has.</source>
            <translation>全深度比较需要序列的历史，而这次更新已不再保留它。</translation>
        </message>
        <message>
            <source>Truncation cut &lt;b&gt;{0} %&lt;/b&gt; of ‖Δ{1}‖ (hatched cells).</source>
            <translation>截断去掉了 ‖Δ{1}‖ 的 &lt;b&gt;{0} %&lt;/b&gt;（阴影单元格）。</translation>
        </message>
        <message>
            <source>Scheme vs full BPTT: cos V {0}, U {1}, W {2}; relative error V {3}, U {4}, W {5}.</source>
            <translation>方案与完整 BPTT 比较：cos V {0}，U {1}，W {2}；相对误差 V {3}，U {4}，W {5}。</translation>
        </message>
        <message>
            <source>The scheme cuts nothing on this update: its gradient is the full-depth one (cos = 1).</source>
            <translation>这次更新中该方案没有去掉任何部分：它的梯度就是全深度梯度（cos = 1）。</translation>
        </message>
        <message>
            <source>A[τ, c] = ‖C_{0}(τ, c)‖&lt;br&gt;rows τ: the error entered; columns c: the copy reached</source>
            <translation>A[τ, c] = ‖C_{0}(τ, c)‖&lt;br&gt;行 τ：误差进入处；列 c：误差到达的副本</translation>
        </message>
        <message>
            <source>cut by the truncation; full-depth value</source>
            <translation>被截断去掉；全深度的值</translation>
        </message>
        <message>
            <source>computed</source>
            <translation>已计算</translation>
        </message>
        <message>
            <source>error at t = {0}, copy at step {1}: ‖C_{2}‖ = &lt;b&gt;{3}&lt;/b&gt; ({4})</source>
            <translation>t = {0} 处的误差，时间步 {1} 处的副本：‖C_{2}‖ = &lt;b&gt;{3}&lt;/b&gt;（{4}）</translation>
        </message>
        <message>
            <source>error at t = {0}, copy at step {1}: BPTT has not reached it yet</source>
            <translation>t = {0} 处的误差，时间步 {1} 处的副本：BPTT 尚未到达</translation>
        </message>
        <message>
            <source>error at t = {0}, copy at step {1}: no contribution (no error enters at t, or c &amp;gt; t)</source>
            <translation>t = {0} 处的误差，时间步 {1} 处的副本：没有贡献（t 处没有误差进入，或 c &amp;gt; t）</translation>
        </message>
        <message>
            <source>row total (this error's whole change) {0}; column total (this copy's fold-back term) {1}</source>
            <translation>行合计（这个误差的全部变化）{0}；列合计（这个副本的权重折叠项）{1}</translation>
        </message>
    </context>
    <context>
        <name>config</name>
        <message>
            <source>cross-entropy</source>
            <translation>交叉熵</translation>
        </message>
    </context>
    <context>
        <name>i18n</name>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>跟随系统</translation>
        </message>
    </context>
    <context>
        <name>phases</name>
        <message>
            <source>forward pass</source>
            <translation>前向传播</translation>
        </message>
        <message>
            <source>output error δ_k</source>
            <translation>输出误差 δ_k</translation>
        </message>
        <message>
            <source>BPTT δ_j(t−z)</source>
            <translation>BPTT δ_j(t−z)</translation>
        </message>
        <message>
            <source>fold-back ΔV ΔU ΔW</source>
            <translation>权重折叠 ΔV ΔU ΔW</translation>
        </message>
        <message>
            <source>update</source>
            <translation>更新</translation>
        </message>
    </context>
    <context>
        <name>schemes</name>
        <message>
            <source>Elman (1990), BPTT(1; 1): the error at t only, no flow into earlier copies, update every step</source>
            <translation>Elman (1990)，BPTT(1; 1)：只用 t 时刻的误差，不流入更早的副本，每步更新一次</translation>
        </message>
        <message>
            <source>Bodén / the source text, BPTT(T; 1): the error at t, unfolded T copies back, update every step</source>
            <translation>Bodén / 原文，BPTT(T; 1)：t 时刻的误差，向前展开 T 个副本，每步更新一次</translation>
        </message>
        <message>
            <source>epochwise (Werbos 1990), BPTT(L; L): the whole sequence, error at every step, one update per sequence</source>
            <translation>逐轮（epochwise，Werbos 1990），BPTT(L; L)：整个序列，每步都有误差，每个序列更新一次</translation>
        </message>
        <message>
            <source>chunked (min-char-rnn, Keras), BPTT(k; k): chunks of k steps, state carried over, update per chunk</source>
            <translation>分块（chunked，min-char-rnn、Keras），BPTT(k; k)：每块 k 步，状态延续到下一块，每块更新一次</translation>
        </message>
    </context>
    <context>
        <name>tasks</name>
        <message>
            <source>the word to learn (at most 10 distinct characters)</source>
            <translation>要学习的单词（最多 10 个不同字符）</translation>
        </message>
        <message>
            <source>delay: y(t) = x(t − k)</source>
            <translation>延迟：y(t) = x(t − k)</translation>
        </message>
        <message>
            <source>alphabet size</source>
            <translation>字母表大小</translation>
        </message>
        <message>
            <source>bits per number (L = bits + 1)</source>
            <translation>每个数的位数（L = 位数 + 1）</translation>
        </message>
        <message>
            <source>h-e-l-l-o</source>
            <translation>h-e-l-l-o</translation>
        </message>
        <message>
            <source>Karpathy's smallest character-level example ("The Unreasonable Effectiveness of Recurrent Neural Networks", 2015): the vocabulary {h, e, l, o} in one-hot code, the input h, e, l, l and the target e, l, l, o, the next character at every step, through a softmax and cross-entropy. The two l inputs are identical, yet the first must be followed by l and the second by o: only the hidden state s(t−1), i.e. the recurrent weights U, can tell them apart. Watch the third and fourth columns: early on both predict the same mixture of l and o, and they separate once the error has flowed back through U into the earlier copies.</source>
            <translation>Karpathy 最小的字符级例子（《The Unreasonable Effectiveness of Recurrent Neural Networks》，2015）：词汇表 {h, e, l, o} 采用独热编码，输入为 h, e, l, l，目标为 e, l, l, o，即每一步的下一个字符，经过 softmax 和交叉熵。两个 l 输入完全相同，但第一个后面必须跟 l，第二个后面必须跟 o：只有隐藏状态 s(t−1)，也就是循环权重 U，才能把它们区分开。观察第三列和第四列：起初两者预测的是 l 和 o 的同一种混合，一旦误差经由 U 流回更早的副本，它们就分开了。</translation>
        </message>
        <message>
            <source>temporal XOR</source>
            <translation>时序 XOR</translation>
        </message>
        <message>
            <source>Elman's first demonstration in "Finding Structure in Time" (1990): a stream of bit triples a, b, a⊕b presented one bit per step; the network is trained to predict the next bit. The first two bits of each triple are random and cannot be predicted, so only the step whose target is the third bit (the input is b, the step before was a) carries a target in the mask; Elman's error curve showed the same thing as a dip every third step. The network has to remember the previous bit in its hidden state and combine it with the current one: XOR is not linearly separable, so it needs the hidden units' nonlinearity as well as U. Fresh bits are drawn at every pass.</source>
            <translation>Elman 在《Finding Structure in Time》(1990) 中的第一个演示：由比特三元组 a, b, a⊕b 组成的比特流，每步输入一个比特；网络被训练来预测下一个比特。每个三元组的前两个比特是随机的，无法预测，所以只有目标为第三个比特的那一步（输入是 b，前一步是 a）在掩码中带有目标；Elman 的误差曲线也显示了同样的现象：每三步出现一次低谷。网络必须在隐藏状态中记住前一个比特，并与当前比特结合：XOR 不是线性可分的，所以它既需要 U，也需要隐藏单元的非线性。每次传播都抽取新的比特。</translation>
        </message>
        <message>
            <source>Elman's letters</source>
            <translation>Elman 字母</translation>
        </message>
        <message>
            <source>Elman (1990), "Finding Structure in Time": consonants b, d and g chosen at random, each followed by its own vowels (b→ba, d→dii, g→guuu), each letter coded by six phonetic features (consonantal, vocalic, interrupted, high, back, voiced); the network predicts the features of the next letter through sigmoid outputs. The vowels are predictable once the consonant is seen, and so is the fact that a consonant follows the last vowel; which consonant it is, is not. Watch the error per step form Elman's saw-tooth: low inside a word, high where a new consonant begins (the score cannot fall below the task's floor), and note that features shared by all consonants (consonantal, interrupted) are predicted even where the letter is not. The held-out sequences come from another random stream.</source>
            <translation>Elman (1990)，《Finding Structure in Time》：随机选取辅音 b、d、g，每个辅音后跟它自己的元音（b→ba，d→dii，g→guuu），每个字母用六个语音特征编码（辅音性、元音性、阻断、高、后、浊）；网络通过 sigmoid 输出预测下一个字母的特征。一旦看到辅音，其后的元音就可以预测，最后一个元音之后跟着辅音这一点也可以预测；但具体是哪个辅音则无法预测。观察每步误差形成 Elman 的锯齿形：词内低，新辅音开始处高（得分不能低于任务的下限），并注意所有辅音共有的特征（辅音性、阻断）即使在字母本身无法预测时也能被预测。留出序列来自另一个随机流。</translation>
        </message>
        <message>
            <source>running parity</source>
            <translation>累积奇偶校验</translation>
        </message>
        <message>
            <source>A random bit stream; the target at every step is the parity (XOR) of all the bits so far. The network must keep one bit of state and flip it whenever a 1 arrives: a two-state automaton that U has to hold exactly. Gradient descent finds it step by step, yet parity is a classic hard case for recurrent nets because the answer depends on every earlier input (Bengio, Simard &amp; Frasconi 1994 used a parity-like latching task). Watch s(t) split into two clusters, one per parity, and the errors of late steps reach far back while the state is not yet stable. Fresh bits at every pass.</source>
            <translation>一个随机比特流；每一步的目标是到目前为止所有比特的奇偶性（XOR）。网络必须保持一个比特的状态，每当输入 1 时就翻转它：这是一个 U 必须精确维持的双状态自动机。梯度下降一步步找到它，但奇偶校验是循环网络的经典难题，因为答案取决于之前的每一个输入（Bengio、Simard 与 Frasconi 1994 使用了类似奇偶校验的锁存任务）。观察 s(t) 分成两簇，每种奇偶性一簇；在状态尚未稳定时，后面时间步的误差会传回很远。每次传播都使用新的比特。</translation>
        </message>
        <message>
            <source>echo (delay k)</source>
            <translation>回声（延迟 k）</translation>
        </message>
        <message>
            <source>A random sequence of one-hot symbols; the target is the input k steps back, y(t) = x(t − k) (steps t &lt; k carry no target). The simplest memory task: the network must carry each symbol k steps through its hidden state. Under BPTT the error at t must reach copy t − k to teach V how to store the symbol, so a window (depth h) shorter than k + 1 copies cannot learn it: try the Bodén scheme with T ≤ k and watch the score stay at chance (ln of the alphabet size). Fresh symbols at every pass.</source>
            <translation>一个由独热（one-hot）符号组成的随机序列；目标是 k 步之前的输入，y(t) = x(t − k)（t &lt; k 的时间步没有目标）。最简单的记忆任务：网络必须在隐藏状态中把每个符号携带 k 步。在 BPTT 下，t 时刻的误差必须到达副本 t − k，才能教会 V 如何存储该符号，所以短于 k + 1 个副本的窗口（深度 h）学不会：试试 T ≤ k 的 Bodén 方案，观察得分停留在随机水平（字母表大小的 ln）。每次传播都使用新的符号。</translation>
        </message>
        <message>
            <source>adding problem</source>
            <translation>加法问题</translation>
        </message>
        <message>
            <source>Hochreiter &amp; Schmidhuber's long-short-term-memory benchmark (1997; the variant of Le, Jaitly &amp; Hinton 2015): two input channels, a value drawn from [0, 1] and a marker; exactly two steps are marked, one in each half of the sequence, and the target at the last step only is the sum of the two marked values (linear output, sum of squares). Always answering 1 scores 1/12 ≈ 0.083; anything lower means the network has learnt to pick out and keep the marked values. The only error enters at the last step, so every weight change comes from BPTT: watch δ fade as it flows back towards the first marker. Kept short here (L = 10) so it learns in minutes; longer L shows the vanishing gradient. Fresh sequences at every pass.</source>
            <translation>Hochreiter 与 Schmidhuber 的长短期记忆基准（1997；采用 Le、Jaitly 与 Hinton 2015 的变体）：两个输入通道，一个是从 [0, 1] 中抽取的数值，一个是标记；恰好有两个时间步被标记，序列前后两半各一个，只有最后一步有目标，即两个被标记数值之和（linear 输出，平方和）。总是回答 1 的得分是 1/12 ≈ 0.083；更低的得分意味着网络学会了挑出并记住被标记的数值。唯一的误差在最后一步进入，所以每一次权重变化都来自 BPTT：观察 δ 在流回第一个标记的过程中逐渐衰减。这里保持较短（L = 10），几分钟内就能学会；更长的 L 会显示梯度消失。每次传播都使用新的序列。</translation>
        </message>
        <message>
            <source>sine wave</source>
            <translation>正弦波</translation>
        </message>
        <message>
            <source>Predict the next value of a sine wave, x(t + 1), from the values so far; each sample has its own frequency (a period of 8 to 16 steps) and phase. One value cannot tell a rising wave from a falling one nor give the frequency, so the first two steps carry no target; from three values the recurrence x(t + 1) = 2 cos ω · x(t) − x(t − 1) fixes the rest, and the network has to estimate ω in its state. A linear output with sum of squares: a regression task. Watch the predictions of the held-out waves (other frequencies and phases) follow the curves.</source>
            <translation>根据到目前为止的数值预测正弦波的下一个值 x(t + 1)；每个样本有自己的频率（周期为 8 到 16 步）和相位。单个数值既分不清波形是在上升还是下降，也给不出频率，所以前两步没有目标；有了三个数值，递推式 x(t + 1) = 2 cos ω · x(t) − x(t − 1) 就确定了其余部分，网络必须在状态中估计 ω。linear 输出配平方和：一个回归任务。观察留出波形（其他频率和相位）的预测如何跟随曲线。</translation>
        </message>
        <message>
            <source>Reber grammar</source>
            <translation>Reber 文法</translation>
        </message>
        <message>
            <source>Strings of Reber's (1967) finite-state grammar, the benchmark of Cleeremans, Servan-Schreiber &amp; McClelland (1989) and of the LSTM paper: B, then a path through six states emitting T, P, S, X, V, and finally E. At each step the network predicts the next symbol (softmax, cross-entropy). Most states allow two successors with equal chance, so the best possible prediction puts ½ on each legal symbol and the score cannot fall below the task's floor; the network must learn the grammar's states in its hidden layer, since the same symbol (S, T, X, P, V) occurs in two different states. Strings are padded to L steps; the padding carries no target.</source>
            <translation>Reber (1967) 有限状态文法生成的字符串，是 Cleeremans、Servan-Schreiber 与 McClelland (1989) 以及 LSTM 论文使用的基准：先是 B，然后沿着六个状态的路径发出 T、P、S、X、V，最后是 E。每一步网络预测下一个符号（softmax，交叉熵）。大多数状态允许两个等概率的后继，所以最好的预测是在每个合法符号上放 ½，得分不能低于任务的下限；网络必须在隐藏层中学会文法的状态，因为同一个符号（S、T、X、P、V）会出现在两个不同的状态中。字符串被填充到 L 步；填充部分没有目标。</translation>
        </message>
        <message>
            <source>binary addition</source>
            <translation>二进制加法</translation>
        </message>
        <message>
            <source>Adding two numbers bit by bit, least significant bit first (a classic of Trask's "Anyone Can Learn To Code an LSTM" and of many RNN tutorials): at each step the inputs are one bit of a and one bit of b, the target is the bit of a + b, and a last step with both inputs 0 outputs the final carry. The network has to learn the carry: a one-bit memory that the sum bit depends on. Watch the hidden state split into 'carry' and 'no carry', and check generalisation on the held-out pairs.</source>
            <translation>逐位相加两个数，最低位在前（Trask 的《Anyone Can Learn To Code an LSTM》以及许多 RNN 教程中的经典例子）：每一步的输入是 a 的一位和 b 的一位，目标是 a + b 的对应位，最后一步两个输入都为 0，输出最终的进位。网络必须学会进位：和的每一位都依赖的一比特记忆。观察隐藏状态分成“有进位”和“无进位”两类，并在留出的数对上检查泛化。</translation>
        </message>
        <message>
            <source>bit</source>
            <translation>比特</translation>
        </message>
        <message>
            <source>next bit</source>
            <translation>下一位</translation>
        </message>
        <message>
            <source>parity</source>
            <translation>奇偶性</translation>
        </message>
        <message>
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>marker</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>sum</source>
            <translation>和</translation>
        </message>
        <message>
            <source>a bit</source>
            <translation>a 的位</translation>
        </message>
        <message>
            <source>b bit</source>
            <translation>b 的位</translation>
        </message>
        <message>
            <source>sum bit</source>
            <translation>和的位</translation>
        </message>
    </context>
</TS>
