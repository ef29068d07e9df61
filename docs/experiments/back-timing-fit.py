# Back reps' phase boundaries by fitting the whole movement: an offline experiment (issue 18,
# item 4), 2026-12-04. Not part of the engine; docs/accuracy.md, "Tried for back reps", holds the
# table this prints. Needs Python 3 with numpy and scipy:  python3 docs/experiments/back-timing-fit.py
#
# A 3 s phase of an 8° roll (a row seen from the upper back, peak 4-5 deg/s) at 50 Hz on one of the
# simulator's speed curves, time-warped by a skew of 0.85-1.15 (the simulator's human variability),
# with white gyroscope noise of 0.3 deg/s and a constant offset drawn with sd 0.15 deg/s, smoothed
# over 90 ms as the engine smooths. Printed: the start and end errors (ms, mean ± sd over the trials) of
#   line: the engine's back-rep estimate, the line through the 25 and 50 % crossings to zero;
#   bF:   a beta-shaped speed x^a (1-x)^b fitted over the samples above F of the peak;
#   oracle: the true curve's own shape, only its start, end and scale fitted (the noise's limit);
#   grid: beta shapes with a, b in 1, 1.5, ... 3, start, end and scale fitted for each, the best kept.
import numpy as np
from scipy.special import betainc
from scipy.optimize import least_squares
rng=np.random.default_rng(1)
def prog(curve,s):
    s=np.clip(s,0,1)
    if curve=='cos': return (1-np.cos(np.pi*s))/2
    if curve=='mj': return s**3*(10-15*s+6*s*s)
    if curve=='fast': return betainc(2.5,3.5,s)
    if curve=='slow': return betainc(3.5,2.5,s)
    if curve=='trap':
        R=0.2;pk=1/(1-R)
        def rc(s):
            return np.where(s<=R, pk*(s/2-R/(2*np.pi)*np.sin(np.pi*s/R)), pk*(R/2+(s-R)))
        return np.where(s<=0.5, rc(s), 1-rc(1-s))
def profile(curve,skew,D,rate,rangeDeg):
    pre=1.0; post=1.0
    t=np.arange(-pre,D+post,1/rate)
    s=np.clip(t/D,0,1)
    p=prog(curve,s**skew)*rangeDeg
    v=np.gradient(p,t)
    return t,v
def smooth(v,rate):
    h=int(round(0.09*rate/2)); w=2*h+1
    return np.convolve(v,np.ones(w)/w,mode='same')
def line(t,v,pk,ipk,side):
    # walk from peak
    idx = range(ipk,-1,-1) if side<0 else range(ipk,len(v))
    c={}
    prev=None
    for i in idx:
        for L in (0.5,0.25):
            if L not in c and v[i]<L*pk:
                j=i-side  # previous index
                f=(v[j]-L*pk)/(v[j]-v[i]); c[L]=t[j]+f*(t[i]-t[j])
        if len(c)==2: break
    return c[0.25]-(c[0.5]-c[0.25])
def betafit(t,v,pk,ipk,f):
    # contiguous region above f*pk
    lo=ipk
    while lo>0 and v[lo-1]>f*pk: lo-=1
    hi=ipk
    while hi<len(v)-1 and v[hi+1]>f*pk: hi+=1
    tt=t[lo:hi+1]; vv=v[lo:hi+1]
    def model(q):
        t0,t1,a,b,A=q
        x=np.clip((tt-t0)/(t1-t0),1e-9,1-1e-9)
        return A*x**a*(1-x)**b
    span=tt[-1]-tt[0]
    q0=[tt[0]-0.1*span,tt[-1]+0.1*span,1.5,1.5,pk*4]
    r=least_squares(lambda q: model(q)-vv,q0,bounds=([tt[0]-span,tt[-1]+1e-3,0.5,0.5,0],[tt[0]-1e-3,tt[-1]+span,5,5,1e4]))
    return r.x
rate=50
for D in (3.0,):
  for curve in ('cos','mj','trap','fast','slow'):
    for skew in (0.85,1.0,1.15):
      res={}
      for trial in range(20):
        t,v=profile(curve,skew,D,rate,8.0)
        vn=v+rng.normal(0,0.3,len(v))+rng.normal(0,0.15)
        vs=smooth(vn,rate)
        ipk=np.argmax(vs); pk=vs[ipk]
        out={'line':(line(t,vs,pk,ipk,-1),line(t,vs,pk,ipk,1))}
        for f in (0.1,0.2,0.3):
            q=betafit(t,vs,pk,ipk,f); out['b%.1f'%f]=(q[0],q[1])
        for k,(s0,s1) in out.items():
            res.setdefault(k,[]).append((s0*1000,(s1-D)*1000))
      print(curve,skew,' '.join('%s s%+.0f±%.0f e%+.0f±%.0f'%(k,np.mean([a for a,b in x]),np.std([a for a,b in x]),np.mean([b for a,b in x]),np.std([b for a,b in x])) for k,x in res.items()))
print('oracle')
def oracle(t,v,curve):
    def model(q):
        t0,t1,A=q
        s=(t-t0)/(t1-t0)
        # derivative numerically
        e=1e-4
        return A*(prog(curve,s+e)-prog(curve,s-e))/(2*e)/(t1-t0)*np.where((s>0)&(s<1),1,0)
    r=least_squares(lambda q: model(q)-v,[0.2,2.8,8],bounds=([-1,1.5,1],[1.5,4.5,20]))
    return r.x
for curve in ('cos','mj','trap','fast','slow'):
    st=[];en=[]
    for trial in range(20):
        t,v=profile(curve,1.0,3.0,50,8.0)
        vn=v+rng.normal(0,0.3,len(v))+rng.normal(0,0.15)
        q=oracle(t,vn,curve); st.append(q[0]*1000); en.append((q[1]-3)*1000)
    print(curve,'s%+.0f±%.0f e%+.0f±%.0f'%(np.mean(st),np.std(st),np.mean(en),np.std(en)))
print('grid beta on raw, full window')
from scipy.special import beta as B
def gridfit(t,v):
    best=None
    for a in (1,1.5,2,2.5,3):
      for b in (1,1.5,2,2.5,3):
        def model(q):
            t0,t1,A=q
            x=np.clip((t-t0)/(t1-t0),0,1)
            return A*x**a*(1-x)**b
        r=least_squares(lambda q: model(q)-v,[0.0,3.0,8],bounds=([-1,1.5,0],[1.5,4.5,200]))
        c=np.sum(r.fun**2)
        if best is None or c<best[0]: best=(c,r.x,a,b)
    return best
for curve in ('cos','mj','trap','fast','slow'):
  for skew in (0.85,1.0,1.15):
    st=[];en=[]
    for trial in range(12):
        t,v=profile(curve,skew,3.0,50,8.0)
        vn=v+rng.normal(0,0.3,len(v))+rng.normal(0,0.15)
        c,q,a,b=gridfit(t,vn); st.append(q[0]*1000); en.append((q[1]-3)*1000)
    print(curve,skew,'s%+.0f±%.0f e%+.0f±%.0f'%(np.mean(st),np.std(st),np.mean(en),np.std(en)))
