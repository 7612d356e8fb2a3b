/** 三方通话 from the controller's side: which calls, when it starts and ends. */
import { startConference } from '../media/conference';
import { failure, get, need, notice, set } from './runtime';
import { stepAndSave } from './call-steps';
import { microphoneStream } from './devices';

/** 三方通话: the held caller comes back and hears the consulted department, mixed in the console. */
export const conferenceStarted = async (): Promise<void> => {
  const rt = need();
  const calls = Object.values(get().calls).filter((call) => call.state.kind === 'active');
  const main = calls.find((call) => !call.consult);
  const consult = calls.find((call) => call.consult);
  if (!main || !consult || rt.conference) {
    notice('需要先与第三方建立咨询通话');
    return;
  }
  try {
    if (main.state.kind === 'active' && main.state.held) {
      await rt.engine.setHeld(main.id, false);
      stepAndSave(main.id, { type: 'resume' });
    }
    const mainRemote = rt.engine.remoteStream(main.id);
    const consultRemote = rt.engine.remoteStream(consult.id);
    if (!mainRemote || !consultRemote) throw new Error('通话的媒体尚未建立');
    rt.conference = await startConference(
      [
        { callId: main.id, remote: mainRemote },
        { callId: consult.id, remote: consultRemote },
      ],
      await microphoneStream(),
      (callId, track) => rt.engine.replaceMicrophone(callId, track),
    );
    set({ conference: true, panel: 'none' });
  } catch (error) {
    failure(error);
  }
};
