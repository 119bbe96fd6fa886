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
            <source>1 step/s</source>
            <translation>1 步/秒</translation>
        </message>
        <message>
            <source>2 steps/s</source>
            <translation>2 步/秒</translation>
        </message>
        <message>
            <source>5 steps/s</source>
            <translation>5 步/秒</translation>
        </message>
        <message>
            <source>10 steps/s</source>
            <translation>10 步/秒</translation>
        </message>
        <message>
            <source>30 steps/s</source>
            <translation>30 步/秒</translation>
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
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>跟随系统</translation>
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
