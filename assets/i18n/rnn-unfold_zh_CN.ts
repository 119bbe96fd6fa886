<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name />
        <message>
            <source>Controls</source>
            <translation>控制</translation>
        </message>
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
    </context>
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
        <name>Context Menu</name>
        <message>
            <source>Set Color</source>
            <translation>设置颜色</translation>
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
            <source>Cost per scored output vector (the sum C divided by the scored steps and samples): grey for each update's window, blue over the whole training sequence once per pass, orange on held-out sequences</source>
            <translation>每个计分输出向量的代价（总和 C 除以计分的时间步数和样本数）：灰色为每次更新的窗口，蓝色为每次传播在整个训练序列上的代价，橙色为留出序列上的代价</translation>
        </message>
        <message>
            <source>cost of each update (its window)</source>
            <translation>每次更新的代价（其窗口）</translation>
        </message>
        <message>
            <source>whole training sequence</source>
            <translation>整个训练序列</translation>
        </message>
        <message>
            <source>held-out sequences</source>
            <translation>留出序列</translation>
        </message>
        <message>
            <source>{n} updates</source>
            <translation>{n} 次更新</translation>
        </message>
        <message>
            <source>{n} passes</source>
            <translation>{n} 次传播</translation>
        </message>
        <message>
            <source>training {cost:.4g}</source>
            <translation>训练 {cost:.4g}</translation>
        </message>
        <message>
            <source>held-out {cost:.4g}</source>
            <translation>留出 {cost:.4g}</translation>
        </message>
        <message>
            <source>floor {cost:.3g}</source>
            <translation>下限 {cost:.3g}</translation>
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
        <name>GradcheckPanel</name>
        <message>
            <source>Checking the gradients…</source>
            <translation>正在检验梯度…</translation>
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
&lt;p&gt;&lt;b&gt;h&lt;/b&gt; counts the copies an error flows through, including the one where it enters (the T of
Bodén's BPTT(T; 1)); the source text's Σ&lt;sub&gt;z=0&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt; means h = T + 1.&lt;/p&gt;
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
&lt;p&gt;&lt;b&gt;h&lt;/b&gt; 是误差流经的副本数，包括误差进入的那个副本（即
Bodén 的 BPTT(T; 1) 中的 T）；原文的 Σ&lt;sub&gt;z=0&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt; 对应这里的 h = T + 1。&lt;/p&gt;
&lt;p&gt;把鼠标悬停在节点或边上可查看数值：net、s 或 y、δ、权重以及它当前携带的量。
拖动可平移，滚轮可缩放，双击空白处可让网络重新适应视图。&lt;/p&gt;
</translation>
        </message>
        <message>
            <source>
&lt;h3&gt;rnn-unfold&lt;/h3&gt;
&lt;p&gt;See backpropagation through time: an Elman network unfolded over its time steps, stepped
through the forward pass, BPTT and the weight fold-back while the cost is plotted.&lt;/p&gt;
&lt;p&gt;Notation of Mikael Bodén, &lt;i&gt;A guide to recurrent neural networks and backpropagation&lt;/i&gt;
(2002). Numpy engine; PySide6 and pyqtgraph views. MIT licence.&lt;/p&gt;
</source>
            <translation>
&lt;h3&gt;rnn-unfold&lt;/h3&gt;
&lt;p&gt;看见随时间反向传播（BPTT）：一个 Elman 网络沿时间步展开，
逐步经过前向传播、BPTT 和权重折叠，同时绘制代价曲线。&lt;/p&gt;
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
            <source>Stopped: {reason}</source>
            <translation>已停止：{reason}</translation>
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
            <source>&amp;Preferences</source>
            <translation>首选项(&amp;P)</translation>
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
        <name>SpeedControl</name>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>Play speed: from one micro-step a second up to “fast” (whole updates, redrawn at most {fps} times a second). Shortcuts: [ slower, ] faster.</source>
            <translation>播放速度：从每秒一个微步到“最快”（整次更新，每秒最多重绘 {fps} 次）。快捷键：[ 减慢，] 加快。</translation>
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
        <name>i18n</name>
        <message>
            <source>&amp;Preferences</source>
            <translation>首选项(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>跟随系统</translation>
        </message>
    </context>
</TS>
